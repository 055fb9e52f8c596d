require "faraday"
require "json"

# Pulls stock levels from the warehouse management system's REST API.
class WarehouseClient
  def initialize(base_url: ENV.fetch("WAREHOUSE_API_URL"), token: ENV.fetch("WAREHOUSE_API_TOKEN"))
    @http = Faraday.new(url: base_url, headers: { "Authorization" => "Bearer #{token}" })
  end

  def stock_levels
    JSON.parse(@http.get("/v2/stock").body).fetch("items")
  end
end
