-- DropIndex
DROP INDEX "Score_answerId_dimension_scorerId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Score_answerId_dimension_scorerId_scorerVersion_key" ON "Score"("answerId", "dimension", "scorerId", "scorerVersion");
