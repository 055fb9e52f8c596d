"""Re-score every order from the last N days with the current model.

Run by hand from a laptop or inside a running pod:
    kubectl -n data exec deploy/ml-scoring -- python scripts/backfill_scores.py 7
"""
import sys

import psycopg

from app.config import load_settings
from app.main import MODEL, score, Order

settings = load_settings()
days = int(sys.argv[1]) if len(sys.argv) > 1 else 7
with psycopg.connect(settings.database_url) as conn:
    rows = conn.execute(
        "SELECT order_id, features FROM orders WHERE created_at > now() - make_interval(days => %s)", (days,)
    ).fetchall()
    for order_id, features in rows:
        score(Order(order_id=order_id, features=features))
print(f"re-scored {len(rows)} orders with model {MODEL['version']}")
