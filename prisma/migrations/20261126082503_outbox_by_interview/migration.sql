-- CreateIndex
CREATE INDEX "OutboxEvent_interviewId_seq_idx" ON "OutboxEvent"("interviewId", "seq");
