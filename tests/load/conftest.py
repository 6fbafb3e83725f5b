"""The load test runs outside pytest-odoo: a real prefork Odoo server on a copy of the
test database, driven over JSON-RPC by plain HTTP clients."""
