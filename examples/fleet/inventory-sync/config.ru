require_relative "app"

run InventorySync
