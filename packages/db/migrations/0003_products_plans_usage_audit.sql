CREATE TABLE "admin_audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"actor_name" text NOT NULL,
	"via" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"environment" text NOT NULL,
	"rate_per_second" integer NOT NULL,
	"rate_per_minute" integer NOT NULL,
	"monthly_quota" integer NOT NULL,
	"requires_approval" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text NOT NULL,
	"sensitivity" text NOT NULL,
	"scope" text NOT NULL,
	"operations" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_id" uuid NOT NULL,
	"product_code" text NOT NULL,
	"plan_code" text NOT NULL,
	"status" text NOT NULL,
	"overrides" jsonb,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "subscriptions_appId_productCode_unique" UNIQUE("app_id","product_code")
);
--> statement-breakpoint
CREATE TABLE "quota_leases" (
	"app_id" uuid NOT NULL,
	"product" text NOT NULL,
	"period" text NOT NULL,
	"reserved" integer NOT NULL,
	CONSTRAINT "quota_leases_app_id_product_period_pk" PRIMARY KEY("app_id","product","period")
);
--> statement-breakpoint
CREATE TABLE "usage_hourly" (
	"app_id" uuid NOT NULL,
	"product" text NOT NULL,
	"operation_id" text NOT NULL,
	"status_class" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"calls" integer NOT NULL,
	CONSTRAINT "usage_hourly_app_id_product_operation_id_status_class_hour_pk" PRIMARY KEY("app_id","product","operation_id","status_class","hour")
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_code_plans_code_fk" FOREIGN KEY ("plan_code") REFERENCES "public"."plans"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "admin_audit_events_at_index" ON "admin_audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "admin_audit_events_target_id_index" ON "admin_audit_events" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "admin_audit_events_action_index" ON "admin_audit_events" USING btree ("action");--> statement-breakpoint
CREATE INDEX "subscriptions_status_index" ON "subscriptions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "subscriptions_plan_code_index" ON "subscriptions" USING btree ("plan_code");--> statement-breakpoint
CREATE INDEX "usage_hourly_hour_index" ON "usage_hourly" USING btree ("hour");