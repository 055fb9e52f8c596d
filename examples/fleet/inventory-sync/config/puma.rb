# Puma reads everything from the environment.
port ENV.fetch("PORT", 9292)
workers Integer(ENV.fetch("WEB_CONCURRENCY", 2))
threads 1, Integer(ENV.fetch("RAILS_MAX_THREADS", 5))
preload_app!
