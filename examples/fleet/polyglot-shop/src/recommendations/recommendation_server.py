"""gRPC RecommendationService: suggests products the shopper has not looked at yet."""

import logging
import os
import random
import sys
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from pythonjsonlogger import jsonlogger

import shop_pb2
import shop_pb2_grpc

CATALOGUE = ["mug", "socks", "watch", "sunglasses", "tank-top", "candle", "hairdryer", "loafers"]
MAX_RESULTS = int(os.environ.get("MAX_RECOMMENDATIONS", "5"))

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(jsonlogger.JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
logger = logging.getLogger("recommendations")
logger.addHandler(handler)
logger.setLevel(logging.INFO)


class RecommendationService(shop_pb2_grpc.RecommendationServiceServicer):
    def ListRecommendations(self, request, context):
        seen = set(request.product_ids)
        candidates = [p for p in CATALOGUE if p not in seen]
        picked = random.sample(candidates, min(MAX_RESULTS, len(candidates)))
        logger.info("recommended", extra={"user_id": request.user_id, "count": len(picked)})
        return shop_pb2.ListRecommendationsResponse(product_ids=picked)


def serve():
    port = os.environ.get("PORT", "8080")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    shop_pb2_grpc.add_RecommendationServiceServicer_to_server(RecommendationService(), server)

    health_servicer = health.HealthServicer()
    health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)

    server.add_insecure_port(f"[::]:{port}")
    server.start()
    logger.info("recommendations listening", extra={"port": port})
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
