"""The PostgreSQL role the platform runs under in production: it owns nothing.

Migrations run as the owner role; the application connects as the app role, which may
read and write rows but is not the owner of any table. Only an owner may ALTER a table
(so the app cannot lift the append-only trigger) and TRUNCATE is a privilege never
granted, so the app cannot empty the event log either. `gongkai eventlog app-role-sql`
prints these statements; docs/security.md shows them; a PostgreSQL test runs them.
"""

from psycopg import sql


def app_role_statements(*, app_role: str, owner_role: str) -> list[sql.Composed]:
    app, owner = sql.Identifier(app_role), sql.Identifier(owner_role)
    return [
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(app),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(app),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(app),
        # The event log: append and read only (the trigger refuses the rest as well).
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON eventlog_event FROM {}").format(app),
        # Tables created by later migrations (run as the owner) get the same grants.
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}").format(owner, app),
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
                "GRANT USAGE, SELECT ON SEQUENCES TO {}").format(owner, app),
    ]
