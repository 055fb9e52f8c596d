'use strict';

// gRPC CurrencyService: converts Money between the currencies in data/rates.json
// (rates against EUR, refreshed by hand from the ECB reference rates).
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const pino = require('pino');
const rates = require('./data/rates.json');

const logger = pino({ name: 'currency' });
const PORT = process.env.PORT || '7000';

const shop = grpc.loadPackageDefinition(
  protoLoader.loadSync(path.join(__dirname, 'proto', 'shop.proto'), {
    keepCase: true,
    longs: Number,
    defaults: true,
  }),
).shop.v1;

function getSupportedCurrencies(call, callback) {
  callback(null, { currency_codes: Object.keys(rates) });
}

function convert(call, callback) {
  const { from, to_code: to } = call.request;
  const fromRate = rates[from.currency_code];
  const toRate = rates[to];
  if (!fromRate || !toRate) {
    callback({ code: grpc.status.INVALID_ARGUMENT, details: `unsupported currency: ${fromRate ? to : from.currency_code}` });
    return;
  }
  const amount = ((from.units + from.nanos / 1e9) / fromRate) * toRate;
  const units = Math.floor(amount);
  const nanos = Math.round((amount - units) * 1e9);
  logger.info({ from: from.currency_code, to }, 'converted');
  callback(null, { currency_code: to, units, nanos });
}

const server = new grpc.Server();
server.addService(shop.CurrencyService.service, { getSupportedCurrencies, convert });
server.bindAsync(`0.0.0.0:${PORT}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    logger.fatal({ err }, 'cannot bind');
    process.exit(1);
  }
  logger.info({ port }, 'currency listening');
});
