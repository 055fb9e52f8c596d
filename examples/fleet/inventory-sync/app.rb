require "sinatra/base"
require "sequel"
require "logger"
require_relative "lib/warehouse_client"

DB = Sequel.connect(ENV.fetch("DATABASE_URL"))
LOG = Logger.new($stdout)

class InventorySync < Sinatra::Base
  set :logging, false

  before "/v1/*" do
    halt 401, { error: "unauthorized" }.to_json unless request.env["HTTP_AUTHORIZATION"] == "Bearer #{ENV.fetch('INVENTORY_API_TOKEN')}"
    content_type :json
  end

  get "/v1/stock/:sku" do
    row = DB[:stock].where(sku: params[:sku]).first
    halt 404, { error: "unknown sku" }.to_json unless row
    row.to_json
  end

  post "/v1/sync" do
    count = InventorySync.sync!
    { synced: count }.to_json
  end

  def self.sync!
    items = WarehouseClient.new.stock_levels
    DB.transaction do
      items.each do |item|
        DB[:stock].insert_conflict(target: :sku, update: { quantity: item["quantity"] })
                  .insert(sku: item["sku"], quantity: item["quantity"])
      end
    end
    LOG.info("synced #{items.size} SKUs")
    items.size
  end
end

# Background sync every five minutes, started wherever the web app is loaded (every pod).
Thread.new do
  loop do
    begin
      InventorySync.sync!
    rescue StandardError => e
      LOG.error("scheduled sync failed: #{e.message}")
    end
    sleep 300
  end
end
