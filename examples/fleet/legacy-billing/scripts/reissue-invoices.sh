#!/bin/bash
# Re-issue invoices for a customer. Run by hand on billing-vm-01 after ssh'ing in:
#   ./reissue-invoices.sh CUSTOMER_ID
set -e
psql "postgres://admin:hunter2@db.internal:5432/billing" \
  -c "UPDATE invoices SET status = 'open', reissued_at = now() WHERE customer_id = '$1'"
echo "Now restart the billing pod so the scheduler picks them up."
