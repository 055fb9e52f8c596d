Sequel.migration do
  change do
    create_table?(:stock) do
      String :sku, primary_key: true
      Integer :quantity, null: false, default: 0
      DateTime :updated_at, default: Sequel::CURRENT_TIMESTAMP
    end
  end
end
