-- CreateIndex
CREATE INDEX "AnswerMessage_answerId_idx" ON "AnswerMessage"("answerId");

-- CreateIndex
CREATE INDEX "Turn_parentTurnId_idx" ON "Turn"("parentTurnId");
