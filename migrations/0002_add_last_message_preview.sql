ALTER TABLE "health_companion"."threads" ADD COLUMN "last_message_preview" text;
