-- Row-level security applies to the table owner too: nothing reads invitations without a scope.
ALTER TABLE "tenants"."invitations" FORCE ROW LEVEL SECURITY;
