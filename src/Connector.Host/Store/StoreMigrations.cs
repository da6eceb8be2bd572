namespace Connector.Host.Store;

/// <summary>The SQLite schema, one script per version; applied in order at start, tracked in PRAGMA user_version.</summary>
internal static class StoreMigrations
{
    public static readonly IReadOnlyList<string> Scripts =
    [
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            trigger TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            report_json TEXT);
        CREATE INDEX ix_runs_entity ON runs(entity, id);

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            source TEXT NOT NULL,
            original_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            archive_path TEXT NOT NULL,
            received_at TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            status TEXT NOT NULL,
            duplicate_of INTEGER REFERENCES documents(id),
            record_count INTEGER NOT NULL DEFAULT 0,
            problems_json TEXT NOT NULL DEFAULT '[]',
            control_json TEXT NOT NULL DEFAULT '[]');
        CREATE INDEX ix_documents_hash ON documents(entity, sha256, id);
        CREATE INDEX ix_documents_status ON documents(entity, status);
        CREATE INDEX ix_documents_run ON documents(run_id);

        CREATE TABLE records (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            ordinal INTEGER NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            entity TEXT NOT NULL,
            idem_key TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            number TEXT NOT NULL,
            kind TEXT NOT NULL,
            currency TEXT,
            net_amount TEXT NOT NULL,
            line_count INTEGER NOT NULL,
            state TEXT NOT NULL,
            payload BLOB NOT NULL, -- the canonical invoice: UTF-8 JSON, deflated (StoreJson.Pack)
            problems_json TEXT NOT NULL,
            batch_id TEXT,
            state_reason TEXT,
            updated_at TEXT NOT NULL,
            UNIQUE (document_id, ordinal));
        CREATE INDEX ix_records_key ON records(entity, idem_key, id);
        CREATE INDEX ix_records_state ON records(entity, state, id);
        CREATE INDEX ix_records_run ON records(run_id);
        CREATE INDEX ix_records_batch ON records(batch_id);

        CREATE TABLE transitions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id INTEGER NOT NULL REFERENCES records(id),
            from_state TEXT,
            to_state TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT);
        CREATE INDEX ix_transitions_record ON transitions(record_id);

        CREATE TABLE exceptions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id INTEGER NOT NULL REFERENCES records(id),
            entity TEXT NOT NULL,
            code TEXT NOT NULL,
            field TEXT,
            message TEXT NOT NULL,
            problems_json TEXT NOT NULL,
            suggestions_json TEXT NOT NULL,
            open INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT,
            resolution TEXT);
        CREATE INDEX ix_exceptions_open ON exceptions(entity, open, id);
        CREATE INDEX ix_exceptions_record ON exceptions(record_id, open);

        CREATE TABLE aliases (
            entity TEXT NOT NULL,
            alias TEXT NOT NULL,
            account_number TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            PRIMARY KEY (entity, alias));

        CREATE TABLE batch_sequences (
            entity TEXT PRIMARY KEY,
            last INTEGER NOT NULL);

        CREATE TABLE batches (
            id TEXT PRIMARY KEY,
            entity TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            state TEXT NOT NULL,
            failure TEXT,
            location TEXT,
            invoice_count INTEGER NOT NULL,
            line_count INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            written_at TEXT);
        CREATE INDEX ix_batches_state ON batches(entity, state);

        -- The ledger of every key ever put into an export: the primary key makes a second export impossible.
        CREATE TABLE exported_keys (
            entity TEXT NOT NULL,
            idem_key TEXT NOT NULL,
            batch_id TEXT NOT NULL REFERENCES batches(id),
            record_id INTEGER NOT NULL REFERENCES records(id),
            PRIMARY KEY (entity, idem_key));

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT,
            subject TEXT,
            details TEXT);
        CREATE INDEX ix_audit_entity ON audit(entity, id);
        -- Append-only: the audit log can be added to, never changed.
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """,
        """
        -- Version 2: records get a batch only when exported; the batch index holds those only (one index write less
        -- per record stored; lookups by batch_id = value use it as before).
        DROP INDEX ix_records_batch;
        CREATE INDEX ix_records_batch ON records(batch_id) WHERE batch_id IS NOT NULL;
        """,
        """
        -- Version 3: the records of a run are found through their documents (the unique (document_id, ordinal) index),
        -- so the run index, written once per record stored, goes.
        DROP INDEX ix_records_run;
        """,
        """
        -- Version 4: the profile a document is read with is kept with it, so a document resumed after a crash is read
        -- with the same profile (an import may name one explicitly).
        ALTER TABLE documents ADD COLUMN profile TEXT;
        """,
        """
        -- Version 5: a run's report is built from the store when asked (connector report), never read back from a
        -- stored copy, so the copy goes.
        ALTER TABLE runs DROP COLUMN report_json;
        """,
        """
        -- Version 6: targets that confirm what they created (Oracle Fusion REST and FBDI, EBS) give each record the
        -- ERP's id, number, amount and status; a batch is Submitted while its import runs, Confirmed when every record
        -- of it is settled.
        ALTER TABLE records ADD COLUMN erp_id TEXT;
        ALTER TABLE records ADD COLUMN erp_number TEXT;
        ALTER TABLE records ADD COLUMN erp_amount TEXT;
        ALTER TABLE records ADD COLUMN erp_status TEXT;
        ALTER TABLE batches ADD COLUMN confirmed_at TEXT;
        """,
        """
        -- Version 7: payments. Each payment of a bank document is a remittance: keyed (account, number, date, amount,
        -- currency, payer, occurrence), cash-applied to the entity's open items, then posted as a receipt. The
        -- decided applications and the candidates for an operator are kept as JSON; the payment itself deflated.
        CREATE TABLE remittances (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            ordinal INTEGER NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            entity TEXT NOT NULL,
            idem_key TEXT NOT NULL,
            direction TEXT NOT NULL,
            amount TEXT NOT NULL,
            currency TEXT,
            state TEXT NOT NULL,
            payload BLOB NOT NULL, -- the canonical remittance: UTF-8 JSON, deflated (StoreJson.Pack)
            payer_account TEXT,
            applied TEXT NOT NULL,
            on_account TEXT NOT NULL,
            unapplied TEXT NOT NULL,
            explanation TEXT,
            applications_json TEXT NOT NULL,
            candidates_json TEXT NOT NULL,
            problems_json TEXT NOT NULL,
            duplicate_of INTEGER REFERENCES remittances(id),
            attempts INTEGER NOT NULL DEFAULT 0,
            erp_receipt_id TEXT,
            erp_receipt_number TEXT,
            state_reason TEXT,
            updated_at TEXT NOT NULL,
            UNIQUE (document_id, ordinal));
        CREATE INDEX ix_remittances_key ON remittances(entity, idem_key, id);
        CREATE INDEX ix_remittances_state ON remittances(entity, state, id);

        CREATE TABLE remittance_transitions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            remittance_id INTEGER NOT NULL REFERENCES remittances(id),
            from_state TEXT,
            to_state TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT);
        CREATE INDEX ix_remittance_transitions ON remittance_transitions(remittance_id);
        """,
        """
        -- Version 8: scanned cheques and stubs. A payment read by OCR keeps what was read (each field with its text,
        -- confidence, region and competing readings; the pages; the operator's corrections), deflated JSON, so that
        -- an operator corrects one field and the checks run again.
        CREATE TABLE remittance_scans (
            remittance_id INTEGER PRIMARY KEY REFERENCES remittances(id),
            readings BLOB NOT NULL,
            updated_at TEXT NOT NULL);
        """,
    ];
}
