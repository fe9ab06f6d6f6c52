-- CreateIndex
CREATE INDEX "Interview_platformConversationId_platformThreadId_idx" ON "Interview"("platformConversationId", "platformThreadId");
