import os

# Database comes from the environment (sqlite locally, Postgres in production).
SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///dev.db")

# Report job queue
REDIS_URL = "redis://10.0.0.12:6379/0"

REPORTS_DIR = "reports"
