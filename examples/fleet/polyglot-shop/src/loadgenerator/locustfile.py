"""Simulated shoppers for the frontend: browse, add to cart, check out.

Run headless in the cluster; LOCUST_HOST, LOCUST_USERS and LOCUST_SPAWN_RATE
come from the environment (see kubernetes-manifests/loadgenerator.yaml).
"""

import random

from locust import FastHttpUser, between, task

PRODUCTS = ["mug", "socks", "watch", "sunglasses", "candle", "loafers"]
CURRENCIES = ["EUR", "USD", "GBP", "JPY"]


class Shopper(FastHttpUser):
    wait_time = between(1, 8)

    def on_start(self):
        self.client.get("/")

    @task(5)
    def browse(self):
        self.client.get("/")

    @task(3)
    def add_to_cart(self):
        self.client.post(
            "/cart",
            data={"product_id": random.choice(PRODUCTS), "quantity": random.randint(1, 3)},
        )

    @task(2)
    def view_cart(self):
        self.client.get("/cart")

    @task(1)
    def checkout(self):
        self.add_to_cart()
        self.client.post(
            "/cart/checkout",
            data={"email": "shopper@example.com", "currency": random.choice(CURRENCIES)},
        )
