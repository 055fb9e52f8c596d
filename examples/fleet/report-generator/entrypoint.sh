#!/bin/sh
set -e
pip install -r requirements.txt
flask --app app db upgrade
exec python app.py
