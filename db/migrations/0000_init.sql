CREATE TYPE "public"."account_role" AS ENUM('bank_charges', 'interest_income', 'interest_expense', 'fx_gain_loss', 'rounding', 'discounts_allowed', 'custody_fees', 'suspense', 'accounts_receivable', 'accounts_payable');--> statement-breakpoint
CREATE TYPE "public"."agent_mode" AS ENUM('rules', 'llm', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."audit_entity_type" AS ENUM('import', 'run', 'exception', 'suggestion', 'decision', 'adjustment', 'reconciliation', 'user', 'token');--> statement-breakpoint
CREATE TYPE "public"."break_type" AS ENUM('timing_difference', 'unbooked_fee', 'unbooked_interest', 'fee_deduction', 'rounding_difference', 'fx_difference', 'amount_mismatch', 'sign_error', 'duplicate_entry', 'split_or_aggregate', 'missing_internal', 'missing_external', 'reversal', 'reference_mismatch', 'ambiguous_match', 'quantity_mismatch', 'price_difference', 'settlement_date_mismatch', 'security_id_mismatch', 'income_difference', 'corporate_action');--> statement-breakpoint
CREATE TYPE "public"."decision_kind" AS ENUM('approve', 'edit', 'reject', 'escalate', 'auto_approve');--> statement-breakpoint
CREATE TYPE "public"."domain" AS ENUM('cash', 'securities');--> statement-breakpoint
CREATE TYPE "public"."effect_kind" AS ENUM('journal', 'match', 'correction', 'reversal');--> statement-breakpoint
CREATE TYPE "public"."exception_status" AS ENUM('open', 'suggested', 'approved', 'edited', 'rejected', 'escalated', 'applied', 'apply_failed');--> statement-breakpoint
CREATE TYPE "public"."fallback_reason" AS ENUM('timeout', 'rate_limited', 'server_error', 'invalid_output', 'unknown_ids', 'unknown_labels', 'circuit_open', 'not_configured');--> statement-breakpoint
CREATE TYPE "public"."import_format" AS ENUM('mt940', 'mt942', 'mt950', 'camt052', 'camt053', 'camt054', 'bai2', 'ofx', 'csv', 'xlsx', 'json');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."match_group_status" AS ENUM('auto', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."match_pass" AS ENUM('exact', 'strong', 'tolerance', 'aggregation', 'near_miss', 'leftover', 'duplicate', 'securities', 'manual');--> statement-breakpoint
CREATE TYPE "public"."record_kind" AS ENUM('cash', 'trade', 'position', 'income');--> statement-breakpoint
CREATE TYPE "public"."resolution_action" AS ENUM('carry_forward', 'post_journal', 'match_with_adjustment', 'confirm_match', 'correct_entry', 'reverse_entry', 'contact_counterparty', 'escalate');--> statement-breakpoint
CREATE TYPE "public"."root_cause" AS ENUM('posting_lag', 'deposit_in_transit', 'outstanding_payment', 'value_date_difference', 'pending_settlement', 'bank_service_charge', 'custody_fee', 'commission', 'interest_credited', 'interest_charged', 'wire_fee_deducted', 'processor_fee_netted', 'rounding', 'fx_rate_source', 'conversion_spread', 'partial_payment', 'overpayment', 'transposition_error', 'decimal_shift', 'early_payment_discount', 'debit_credit_swapped', 'duplicate_import', 'double_posting', 'batch_deposit', 'instalment_payment', 'unrecorded_receipt', 'unrecorded_direct_debit', 'unbooked_transfer_leg', 'trade_not_booked', 'payment_not_executed', 'erroneous_booking', 'trade_not_settled', 'payment_returned', 'chargeback', 'reference_typo', 'reference_truncated', 'counterparty_alias', 'identical_candidates', 'booking_error', 'partial_fill', 'price_source_difference', 'stale_price', 'settlement_cycle_error', 'market_holiday', 'security_master_error', 'withholding_tax_rate', 'day_count_convention', 'accrual_period', 'split_unbooked', 'corporate_action_unbooked', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('queued', 'running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."security_id_type" AS ENUM('ISIN', 'CUSIP', 'SEDOL', 'TICKER', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."side" AS ENUM('external', 'internal');--> statement-breakpoint
CREATE TYPE "public"."suggestion_source" AS ENUM('llm', 'rules', 'memory', 'cache', 'human');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('viewer', 'reviewer', 'approver', 'admin');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" DEFAULT 'viewer' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "reconciliations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"domain" "domain" DEFAULT 'cash' NOT NULL,
	"external_account" text NOT NULL,
	"internal_account" text NOT NULL,
	"mode" "agent_mode",
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gl_codes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"schedule" text,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" "import_format" NOT NULL,
	"side" "side" NOT NULL,
	"account" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"status" "import_status" NOT NULL,
	"record_count" integer DEFAULT 0 NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_side_account_sha256_key" UNIQUE("side","account","sha256")
);
--> statement-breakpoint
CREATE TABLE "records" (
	"id" text PRIMARY KEY NOT NULL,
	"import_id" uuid,
	"side" "side" NOT NULL,
	"account" text NOT NULL,
	"date" date NOT NULL,
	"value_date" date,
	"amount" numeric NOT NULL,
	"currency" char(3) NOT NULL,
	"reference" text,
	"counterparty" text,
	"description" text,
	"kind" "record_kind" DEFAULT 'cash' NOT NULL,
	"security_id" text,
	"security_id_type" "security_id_type",
	"security_ids" jsonb,
	"quantity" numeric,
	"price" numeric,
	"trade_date" date,
	"settle_date" date,
	"fx_rate" numeric,
	"provenance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reconciliation_id" text,
	"as_of" date NOT NULL,
	"status" "run_status" DEFAULT 'queued' NOT NULL,
	"mode" "agent_mode" NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tokens_in" integer DEFAULT 0 NOT NULL,
	"tokens_out" integer DEFAULT 0 NOT NULL,
	"cost" numeric DEFAULT '0' NOT NULL,
	"job_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "match_group_records" (
	"group_id" uuid NOT NULL,
	"record_id" text NOT NULL,
	"side" "side" NOT NULL,
	CONSTRAINT "match_group_records_group_id_record_id_pk" PRIMARY KEY("group_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "match_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"pass" "match_pass" NOT NULL,
	"status" "match_group_status" DEFAULT 'auto' NOT NULL,
	"score" numeric NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exception_records" (
	"exception_id" uuid NOT NULL,
	"record_id" text NOT NULL,
	"side" "side" NOT NULL,
	CONSTRAINT "exception_records_exception_id_record_id_pk" PRIMARY KEY("exception_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"reconciliation_id" text,
	"as_of" date NOT NULL,
	"type" "break_type" NOT NULL,
	"cause" "root_cause",
	"status" "exception_status" DEFAULT 'open' NOT NULL,
	"account" text NOT NULL,
	"currency" char(3) NOT NULL,
	"amount" numeric NOT NULL,
	"difference" numeric NOT NULL,
	"confidence" numeric,
	"source" "suggestion_source",
	"verified" boolean DEFAULT false NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fingerprint" text,
	"current_suggestion_version" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"assignee" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exceptions_amount_non_negative" CHECK ("exceptions"."amount" >= 0),
	CONSTRAINT "exceptions_confidence_range" CHECK ("exceptions"."confidence" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exception_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"type" "break_type" NOT NULL,
	"cause" "root_cause" NOT NULL,
	"action" "resolution_action" NOT NULL,
	"resolution" jsonb NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confidence" numeric NOT NULL,
	"source" "suggestion_source" NOT NULL,
	"fallback_reason" "fallback_reason",
	"verified" boolean DEFAULT false NOT NULL,
	"verification" jsonb,
	"model" text,
	"prompt_version" text,
	"tokens_in" integer DEFAULT 0 NOT NULL,
	"tokens_out" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestions_exception_version_key" UNIQUE("exception_id","version"),
	CONSTRAINT "suggestions_version_positive" CHECK ("suggestions"."version" >= 1),
	CONSTRAINT "suggestions_confidence_range" CHECK ("suggestions"."confidence" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exception_id" uuid NOT NULL,
	"suggestion_id" uuid,
	"suggestion_version" integer,
	"kind" "decision_kind" NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adjustment_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adjustment_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"account_role" "account_role",
	"gl_code" text NOT NULL,
	"amount" numeric NOT NULL,
	"description" text,
	CONSTRAINT "adjustment_lines_adjustment_line_key" UNIQUE("adjustment_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exception_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"kind" "effect_kind" NOT NULL,
	"currency" char(3),
	"memo" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exported_at" timestamp with time zone,
	CONSTRAINT "adjustments_decision_key" UNIQUE("decision_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" "audit_entity_type" NOT NULL,
	"entity_id" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_hash_key" UNIQUE("hash"),
	CONSTRAINT "audit_log_prev_hash_key" UNIQUE NULLS NOT DISTINCT("prev_hash")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_reconciliation_id_reconciliations_id_fk" FOREIGN KEY ("reconciliation_id") REFERENCES "public"."reconciliations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_group_records" ADD CONSTRAINT "match_group_records_group_id_match_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."match_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_group_records" ADD CONSTRAINT "match_group_records_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_groups" ADD CONSTRAINT "match_groups_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exception_records" ADD CONSTRAINT "exception_records_exception_id_exceptions_id_fk" FOREIGN KEY ("exception_id") REFERENCES "public"."exceptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exception_records" ADD CONSTRAINT "exception_records_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_reconciliation_id_reconciliations_id_fk" FOREIGN KEY ("reconciliation_id") REFERENCES "public"."reconciliations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_exception_id_exceptions_id_fk" FOREIGN KEY ("exception_id") REFERENCES "public"."exceptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_exception_id_exceptions_id_fk" FOREIGN KEY ("exception_id") REFERENCES "public"."exceptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_lines" ADD CONSTRAINT "adjustment_lines_adjustment_id_adjustments_id_fk" FOREIGN KEY ("adjustment_id") REFERENCES "public"."adjustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_exception_id_exceptions_id_fk" FOREIGN KEY ("exception_id") REFERENCES "public"."exceptions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "records_side_account_date_idx" ON "records" USING btree ("side","account","date");--> statement-breakpoint
CREATE INDEX "records_account_date_idx" ON "records" USING btree ("account","date");--> statement-breakpoint
CREATE INDEX "records_import_idx" ON "records" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "records_reference_idx" ON "records" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "runs_reconciliation_as_of_idx" ON "runs" USING btree ("reconciliation_id","as_of");--> statement-breakpoint
CREATE INDEX "runs_status_idx" ON "runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "runs_job_idx" ON "runs" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "runs_created_idx" ON "runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "match_group_records_record_idx" ON "match_group_records" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "match_groups_run_idx" ON "match_groups" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "exception_records_record_idx" ON "exception_records" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "exceptions_status_opened_idx" ON "exceptions" USING btree ("status","opened_at","id");--> statement-breakpoint
CREATE INDEX "exceptions_opened_idx" ON "exceptions" USING btree ("opened_at","id");--> statement-breakpoint
CREATE INDEX "exceptions_status_type_idx" ON "exceptions" USING btree ("status","type");--> statement-breakpoint
CREATE INDEX "exceptions_status_cause_idx" ON "exceptions" USING btree ("status","cause");--> statement-breakpoint
CREATE INDEX "exceptions_reconciliation_status_idx" ON "exceptions" USING btree ("reconciliation_id","status");--> statement-breakpoint
CREATE INDEX "exceptions_account_status_idx" ON "exceptions" USING btree ("account","status");--> statement-breakpoint
CREATE INDEX "exceptions_source_status_idx" ON "exceptions" USING btree ("source","status");--> statement-breakpoint
CREATE INDEX "exceptions_status_amount_idx" ON "exceptions" USING btree ("status","amount");--> statement-breakpoint
CREATE INDEX "exceptions_confidence_idx" ON "exceptions" USING btree ("confidence");--> statement-breakpoint
CREATE INDEX "exceptions_run_idx" ON "exceptions" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "exceptions_fingerprint_idx" ON "exceptions" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "decisions_exception_idx" ON "decisions" USING btree ("exception_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_actor_idx" ON "decisions" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "adjustments_exception_idx" ON "adjustments" USING btree ("exception_id");--> statement-breakpoint
CREATE INDEX "adjustments_exported_created_idx" ON "adjustments" USING btree ("exported_at","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");