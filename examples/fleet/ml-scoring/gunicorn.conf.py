# Gunicorn settings: bind to $PORT, uvicorn workers, graceful timeout for SIGTERM during rollouts.
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "uvicorn.workers.UvicornWorker"
graceful_timeout = 20
accesslog = "-"
