-- A reply's forward to the rep is claimed while it is being sent (forwardClaimedAt), so a
-- concurrent retry that reads the message after the claim stands back. Counting attempts alone
-- let such a retry claim the next attempt and send the forward a second time.
ALTER TABLE "inbound_messages" ADD COLUMN "forwardClaimedAt" TIMESTAMP(3);
