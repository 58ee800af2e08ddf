-- The admin audit log is append-only for every role that uses the tables, the server's included:
-- rows can be inserted and read, never changed or removed. Only the table's owner could drop the
-- triggers, so production runs the server as a role that does not own the schema.
CREATE FUNCTION admin_audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'admin_audit_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER admin_audit_events_no_change BEFORE UPDATE OR DELETE ON admin_audit_events
  FOR EACH ROW EXECUTE FUNCTION admin_audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER admin_audit_events_no_truncate BEFORE TRUNCATE ON admin_audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_events_append_only();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON admin_audit_events FROM PUBLIC;
