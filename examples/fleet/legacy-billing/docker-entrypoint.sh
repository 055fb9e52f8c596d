#!/bin/sh
# Apply pending database migrations, then start the server.
cd /app
mvn -q flyway:migrate
java -Xmx512m -jar target/billing.jar
