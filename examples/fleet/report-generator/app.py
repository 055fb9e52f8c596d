import logging
import os
import uuid

import pandas as pd
import redis
from flask import Flask, jsonify, send_from_directory
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

import config

logging.basicConfig(filename="/var/log/report-generator.log", level=logging.INFO)
log = logging.getLogger("report-generator")

app = Flask(__name__)
app.config.from_object(config)
db = SQLAlchemy(app)
migrate = Migrate(app, db)
queue = redis.Redis.from_url(config.REDIS_URL)


@app.get("/healthz")
def healthz():
    return jsonify(ok=True)


@app.post("/reports/monthly-revenue")
def monthly_revenue():
    frame = pd.read_sql("SELECT date_trunc('month', paid_at) AS month, sum(total) FROM orders GROUP BY 1", db.engine)
    report_id = uuid.uuid4().hex
    os.makedirs(config.REPORTS_DIR, exist_ok=True)
    frame.to_excel(os.path.join(config.REPORTS_DIR, f"{report_id}.xlsx"))
    queue.lpush("reports:done", report_id)
    log.info("generated report %s", report_id)
    return jsonify(id=report_id), 201


@app.get("/reports/<report_id>")
def download(report_id):
    return send_from_directory(config.REPORTS_DIR, f"{report_id}.xlsx")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
