"""Logging setup shared by the API and the backfill script."""
import logging


def configure_logging() -> logging.Logger:
    logger = logging.getLogger("ml_scoring")
    logger.setLevel(logging.INFO)
    # Scores are audited from this file by the risk team's log shipper on the node.
    handler = logging.FileHandler("/var/log/ml-scoring/app.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logger.addHandler(handler)
    return logger
