-- CreateTable
CREATE TABLE "ScoreCacheEntry" (
    "key" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreCacheEntry_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ScoreCacheEntry_answerId_idx" ON "ScoreCacheEntry"("answerId");

-- AddForeignKey
ALTER TABLE "ScoreCacheEntry" ADD CONSTRAINT "ScoreCacheEntry_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
