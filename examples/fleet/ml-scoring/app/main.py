"""FastAPI app: POST /v1/score returns a fraud probability for an order."""
import json
import math

from fastapi import FastAPI
from prometheus_fastapi_instrumentator import Instrumentator
from psycopg_pool import ConnectionPool
from pydantic import BaseModel

from app.config import load_settings
from app.logging_config import configure_logging

settings = load_settings()
log = configure_logging()
pool = ConnectionPool(settings.database_url, min_size=1, max_size=5, open=False)
with open(settings.model_path) as f:
    MODEL = json.load(f)

app = FastAPI(title="ml-scoring", version="0.9.3")
Instrumentator().instrument(app).expose(app, endpoint="/metrics")


class Order(BaseModel):
    order_id: str
    features: dict[str, float]


@app.on_event("startup")
def open_pool() -> None:
    pool.open()


@app.on_event("shutdown")
def close_pool() -> None:
    pool.close()


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "model": MODEL["version"]}


@app.post("/v1/score")
def score(order: Order) -> dict:
    z = MODEL["intercept"] + sum(w * order.features.get(k, 0.0) for k, w in MODEL["weights"].items())
    probability = 1 / (1 + math.exp(-z))
    with pool.connection() as conn:
        conn.execute(
            "INSERT INTO scores (order_id, probability, model_version) VALUES (%s, %s, %s)",
            (order.order_id, probability, MODEL["version"]),
        )
    log.info("scored order %s p=%.3f", order.order_id, probability)
    return {"order_id": order.order_id, "probability": probability, "flag": probability >= settings.score_threshold}
