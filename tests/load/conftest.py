"""Tests that run outside pytest-odoo, on copies of the test database: a real prefork
Odoo server driven over JSON-RPC by plain HTTP clients, and the `make run` script."""
