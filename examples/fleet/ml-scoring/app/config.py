"""Settings read from the environment at start-up; nothing is hard-coded."""
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    port: int
    database_url: str
    model_path: str
    score_threshold: float


def load_settings() -> Settings:
    return Settings(
        port=int(os.environ.get("PORT", "8000")),
        database_url=os.environ["DATABASE_URL"],
        model_path=os.environ.get("MODEL_PATH", "/app/app/model.json"),
        score_threshold=float(os.environ.get("SCORE_THRESHOLD", "0.8")),
    )
