CREATE TABLE "faqs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"parent_code" text,
	"credit_code" text,
	"district" text NOT NULL,
	"address" text NOT NULL,
	"hours" text NOT NULL,
	"phone" text NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"responsibilities" jsonb NOT NULL,
	"halls" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"doc_number" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"published_at" date NOT NULL,
	"effective_at" date,
	"expires_at" date,
	"summary" text NOT NULL,
	"excerpt" text NOT NULL,
	"themes" jsonb NOT NULL,
	"related_services" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "basic_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "implementation_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "aliases" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "themes" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "targets" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "item_type" text NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "level" text NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "joint_departments" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "districts" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "summary" text NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "legal_basis" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "conditions" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "case_type" text NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "legal_days" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "promised_days" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "materials" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "fee" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "steps" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "handling_forms" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "online_depth" text NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "visits" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "result" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "consult_phone" text NOT NULL;--> statement-breakpoint
ALTER TABLE "faqs" ADD CONSTRAINT "faqs_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "faqs_service_id_position_index" ON "faqs" USING btree ("service_id","position");--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_department_code_organisations_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."organisations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "services_department_code_index" ON "services" USING btree ("department_code");