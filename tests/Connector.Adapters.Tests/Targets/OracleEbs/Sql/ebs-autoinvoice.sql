-- An emulated AutoInvoice (RAXMTR) in PL/pgSQL, standing in for Oracle E-Business Suite in the oracle-ebs adapter's
-- tests. It follows EBS's documented behaviour: it picks the pending interface lines of one operating unit and batch
-- source, validates each line, writes RA_INTERFACE_ERRORS_ALL rows for failures (the failed lines stay in the interface
-- with INTERFACE_STATUS null), groups the good lines into transactions, creates RA_CUSTOMER_TRX_ALL and
-- RA_CUSTOMER_TRX_LINES_ALL for them and deletes the imported interface rows. A transaction with one bad line is held
-- back whole (the "Reject Invoice" invalid-line rule). Simplified: no tax, no distributions, no payment schedules,
-- grouping on a fixed set of columns, one request instead of a master and RAXTRX children.

-- Whether a submitted request runs at once (phase C on return) or waits for raxmtr_run (phase P until then).
CREATE TABLE EBS_EMULATOR_SETTINGS (RUN_AT_ONCE BOOLEAN NOT NULL);
INSERT INTO EBS_EMULATOR_SETTINGS VALUES (TRUE);

-- Submits RAXMTR like fnd_request.submit_request('AR', 'RAXMTR', ...): returns the request id.
CREATE FUNCTION FND_REQUEST_SUBMIT_RAXMTR(p_org_id NUMERIC, p_batch_source_id NUMERIC, p_batch_source_name VARCHAR,
                                          p_default_date VARCHAR, p_user_id NUMERIC)
RETURNS NUMERIC LANGUAGE plpgsql AS $$
DECLARE
  v_request_id NUMERIC := nextval('fnd_concurrent_requests_s');
BEGIN
  INSERT INTO fnd_concurrent_requests (request_id, program_application_id, concurrent_program_name, phase_code,
    status_code, argument_text, argument1, argument2, argument3, argument4, argument5, requested_by, request_date,
    org_id, last_updated_by, last_update_date)
  VALUES (v_request_id, 222, 'RAXMTR', 'P', 'I',
    concat_ws(', ', '1', p_org_id, p_batch_source_id, p_batch_source_name, p_default_date),
    '1', p_org_id::text, p_batch_source_id::text, p_batch_source_name, p_default_date,
    p_user_id, localtimestamp(0), p_org_id, p_user_id, localtimestamp(0));
  IF (SELECT run_at_once FROM ebs_emulator_settings) THEN
    PERFORM raxmtr_run(v_request_id);
  END IF;
  RETURN v_request_id;
END $$;

-- Runs a submitted RAXMTR request to completion.
CREATE FUNCTION RAXMTR_RUN(p_request_id NUMERIC)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  r fnd_concurrent_requests%ROWTYPE;
  v_org_id NUMERIC;
  v_source ra_batch_sources_all%ROWTYPE;
  v_default TIMESTAMP;
  v_imported INTEGER;
  v_lines INTEGER;
BEGIN
  SELECT * INTO r FROM fnd_concurrent_requests WHERE request_id = p_request_id;
  v_org_id := r.argument2::NUMERIC;
  v_default := to_timestamp(r.argument5, 'YYYY/MM/DD HH24:MI:SS');
  UPDATE fnd_concurrent_requests SET phase_code = 'R', status_code = 'R', actual_start_date = localtimestamp(0)
   WHERE request_id = p_request_id;

  SELECT * INTO v_source FROM ra_batch_sources_all
   WHERE batch_source_id = r.argument3::NUMERIC AND org_id = v_org_id AND name = r.argument4 AND status = 'A';
  IF NOT FOUND THEN
    UPDATE fnd_concurrent_requests SET phase_code = 'C', status_code = 'E', actual_completion_date = localtimestamp(0),
      completion_text = 'Invalid batch source ' || r.argument4 || ' (' || r.argument3 || ') for operating unit ' || r.argument2
     WHERE request_id = p_request_id;
    RETURN;
  END IF;

  -- Select the pending lines of the operating unit and source; errors of re-selected lines are deleted.
  UPDATE ra_interface_lines_all
     SET request_id = p_request_id,
         interface_line_id = COALESCE(interface_line_id, nextval('ra_customer_trx_lines_s')),
         trx_date = COALESCE(trx_date, v_default),
         gl_date = COALESCE(gl_date, trx_date, v_default)
   WHERE org_id = v_org_id AND batch_source_name = v_source.name AND interface_status IS NULL;
  GET DIAGNOSTICS v_lines = ROW_COUNT;
  -- Fresh statistics, so the per-line look-ups below use the indexes on a freshly loaded interface.
  ANALYZE ra_interface_lines_all;
  ANALYZE ra_customer_trx_lines_all;
  DELETE FROM ra_interface_errors_all
   WHERE interface_line_id IN (SELECT interface_line_id FROM ra_interface_lines_all WHERE request_id = p_request_id);

  -- Line validation: every failure of a line is reported in the same pass.
  INSERT INTO ra_interface_errors_all (interface_line_id, message_text, invalid_value, org_id)
  SELECT l.interface_line_id, c.message_text, c.invalid_value, l.org_id
    FROM ra_interface_lines_all l
    CROSS JOIN LATERAL (VALUES
      (l.interface_line_context IS NULL OR NOT EXISTS (SELECT 1 FROM fnd_descr_flex_contexts f
          WHERE f.application_id = 222 AND f.descriptive_flexfield_name = 'RA_INTERFACE_LINES'
            AND f.descriptive_flex_context_code = l.interface_line_context AND f.enabled_flag = 'Y'),
       'Invalid line transaction flexfield context (INTERFACE_LINE_CONTEXT)', l.interface_line_context),
      (l.line_type NOT IN ('LINE', 'TAX', 'FREIGHT', 'CHARGES'), 'Invalid line type (LINE_TYPE)', l.line_type),
      (NOT EXISTS (SELECT 1 FROM ra_cust_trx_types_all t
          WHERE t.name = l.cust_trx_type_name AND t.org_id = l.org_id AND t.status = 'A'),
       'Invalid transaction type (CUST_TRX_TYPE_NAME)', l.cust_trx_type_name),
      (EXISTS (SELECT 1 FROM ra_cust_trx_types_all t WHERE t.name = l.cust_trx_type_name AND t.org_id = l.org_id AND t.type = 'INV')
         AND NOT EXISTS (SELECT 1 FROM ra_terms t WHERE t.name = l.term_name
          AND l.trx_date >= COALESCE(t.start_date_active, l.trx_date)
          AND l.trx_date <= COALESCE(t.end_date_active, l.trx_date)),
       'Invalid payment terms (TERM_NAME)', l.term_name),
      (l.term_name IS NOT NULL AND EXISTS (SELECT 1 FROM ra_cust_trx_types_all t
          WHERE t.name = l.cust_trx_type_name AND t.org_id = l.org_id AND t.type = 'CM'),
       'You cannot supply payment terms for a credit memo (TERM_NAME)', l.term_name),
      (NOT EXISTS (SELECT 1 FROM fnd_currencies cur WHERE cur.currency_code = l.currency_code AND cur.enabled_flag = 'Y'),
       'Invalid currency code (CURRENCY_CODE)', l.currency_code),
      (l.conversion_type = 'User' AND l.conversion_rate IS NULL,
       'You must supply a conversion rate for the conversion type User (CONVERSION_RATE)', l.conversion_type),
      (NOT EXISTS (SELECT 1 FROM hz_cust_accounts a
          WHERE a.orig_system_reference = l.orig_system_bill_customer_ref AND a.status = 'A'),
       'Invalid bill to customer reference (ORIG_SYSTEM_BILL_CUSTOMER_REF)', l.orig_system_bill_customer_ref),
      (NOT EXISTS (SELECT 1 FROM hz_cust_accounts a
          JOIN hz_cust_acct_sites_all s ON s.cust_account_id = a.cust_account_id
          JOIN hz_cust_site_uses_all u ON u.cust_acct_site_id = s.cust_acct_site_id
          WHERE a.orig_system_reference = l.orig_system_bill_customer_ref
            AND s.orig_system_reference = l.orig_system_bill_address_ref AND s.org_id = l.org_id AND s.status = 'A'
            AND u.site_use_code = 'BILL_TO' AND u.status = 'A'),
       'Invalid bill to address reference (ORIG_SYSTEM_BILL_ADDRESS_REF)', l.orig_system_bill_address_ref),
      (l.quantity IS NOT NULL AND l.unit_selling_price IS NOT NULL
         AND l.amount <> round(l.quantity * l.unit_selling_price,
                               (SELECT COALESCE(cur.precision, 2)::INTEGER FROM fnd_currencies cur WHERE cur.currency_code = l.currency_code)),
       'The amount must equal the quantity multiplied by the unit selling price (AMOUNT)', l.amount::text),
      (v_source.auto_trx_numbering_flag = 'N' AND l.trx_number IS NULL,
       'You must supply a transaction number when the batch source uses manual numbering (TRX_NUMBER)', NULL),
      (v_source.auto_trx_numbering_flag = 'Y' AND l.trx_number IS NOT NULL,
       'You cannot supply a transaction number when the batch source uses automatic numbering (TRX_NUMBER)', l.trx_number),
      (v_source.allow_duplicate_trx_num_flag = 'N' AND EXISTS (SELECT 1 FROM ra_customer_trx_all x
          WHERE x.batch_source_id = v_source.batch_source_id AND x.org_id = l.org_id AND x.trx_number = l.trx_number),
       'A transaction with this number already exists for this batch source (TRX_NUMBER)', l.trx_number),
      (EXISTS (SELECT 1 FROM ra_customer_trx_lines_all x WHERE x.interface_line_context = l.interface_line_context
            AND x.interface_line_attribute1 = l.interface_line_attribute1
            AND x.interface_line_attribute2 IS NOT DISTINCT FROM l.interface_line_attribute2
            AND x.interface_line_attribute3 = l.interface_line_attribute3
            AND x.interface_line_attribute4 IS NOT DISTINCT FROM l.interface_line_attribute4
            AND x.interface_line_attribute5 IS NOT DISTINCT FROM l.interface_line_attribute5
            AND x.interface_line_attribute6 IS NOT DISTINCT FROM l.interface_line_attribute6
            AND x.interface_line_attribute7 IS NOT DISTINCT FROM l.interface_line_attribute7
            AND x.interface_line_attribute8 IS NOT DISTINCT FROM l.interface_line_attribute8
            AND x.interface_line_attribute9 IS NOT DISTINCT FROM l.interface_line_attribute9
            AND x.interface_line_attribute10 IS NOT DISTINCT FROM l.interface_line_attribute10
            AND x.interface_line_attribute11 IS NOT DISTINCT FROM l.interface_line_attribute11
            AND x.interface_line_attribute12 IS NOT DISTINCT FROM l.interface_line_attribute12
            AND x.interface_line_attribute13 IS NOT DISTINCT FROM l.interface_line_attribute13
            AND x.interface_line_attribute14 IS NOT DISTINCT FROM l.interface_line_attribute14
            AND x.interface_line_attribute15 IS NOT DISTINCT FROM l.interface_line_attribute15)
         OR EXISTS (SELECT 1 FROM ra_interface_lines_all x WHERE x.interface_line_id IS DISTINCT FROM l.interface_line_id AND x.interface_line_context = l.interface_line_context
            AND x.interface_line_attribute1 = l.interface_line_attribute1
            AND x.interface_line_attribute2 IS NOT DISTINCT FROM l.interface_line_attribute2
            AND x.interface_line_attribute3 = l.interface_line_attribute3
            AND x.interface_line_attribute4 IS NOT DISTINCT FROM l.interface_line_attribute4
            AND x.interface_line_attribute5 IS NOT DISTINCT FROM l.interface_line_attribute5
            AND x.interface_line_attribute6 IS NOT DISTINCT FROM l.interface_line_attribute6
            AND x.interface_line_attribute7 IS NOT DISTINCT FROM l.interface_line_attribute7
            AND x.interface_line_attribute8 IS NOT DISTINCT FROM l.interface_line_attribute8
            AND x.interface_line_attribute9 IS NOT DISTINCT FROM l.interface_line_attribute9
            AND x.interface_line_attribute10 IS NOT DISTINCT FROM l.interface_line_attribute10
            AND x.interface_line_attribute11 IS NOT DISTINCT FROM l.interface_line_attribute11
            AND x.interface_line_attribute12 IS NOT DISTINCT FROM l.interface_line_attribute12
            AND x.interface_line_attribute13 IS NOT DISTINCT FROM l.interface_line_attribute13
            AND x.interface_line_attribute14 IS NOT DISTINCT FROM l.interface_line_attribute14
            AND x.interface_line_attribute15 IS NOT DISTINCT FROM l.interface_line_attribute15),
       'Duplicate transaction flexfield: each line must have a unique combination of INTERFACE_LINE_CONTEXT and INTERFACE_LINE_ATTRIBUTE1-15',
       concat_ws('.', l.interface_line_context, l.interface_line_attribute1, l.interface_line_attribute2, l.interface_line_attribute3, l.interface_line_attribute4, l.interface_line_attribute5, l.interface_line_attribute6, l.interface_line_attribute7, l.interface_line_attribute8, l.interface_line_attribute9, l.interface_line_attribute10, l.interface_line_attribute11, l.interface_line_attribute12, l.interface_line_attribute13, l.interface_line_attribute14, l.interface_line_attribute15))
    ) AS c(failed, message_text, invalid_value)
   WHERE l.request_id = p_request_id AND c.failed;

  -- Grouping into transactions; a transaction with a failed line is held back whole.
  DROP TABLE IF EXISTS raxmtr_groups;
  CREATE TEMP TABLE raxmtr_groups AS
  SELECT l.interface_line_id,
         dense_rank() OVER (ORDER BY l.trx_number, l.cust_trx_type_name, l.currency_code, l.orig_system_bill_customer_ref,
           l.orig_system_bill_address_ref, l.term_name, l.trx_date, l.conversion_type, l.conversion_rate,
           l.purchase_order, l.internal_notes) AS grp
    FROM ra_interface_lines_all l
   WHERE l.request_id = p_request_id;
  CREATE INDEX ON raxmtr_groups (interface_line_id);
  CREATE INDEX ON raxmtr_groups (grp);
  ANALYZE raxmtr_groups;

  DROP TABLE IF EXISTS raxmtr_trx;
  CREATE TEMP TABLE raxmtr_trx AS
  SELECT g.grp, nextval('ra_customer_trx_s') AS customer_trx_id, min(g.interface_line_id) AS first_line_id
    FROM raxmtr_groups g
   WHERE g.grp NOT IN (SELECT b.grp FROM raxmtr_groups b JOIN ra_interface_errors_all e ON e.interface_line_id = b.interface_line_id)
   GROUP BY g.grp;
  CREATE INDEX ON raxmtr_trx (grp);
  ANALYZE raxmtr_trx;

  INSERT INTO ra_customer_trx_all (customer_trx_id, trx_number, cust_trx_type_id, trx_date, batch_source_id,
    bill_to_customer_id, bill_to_site_use_id, term_id, invoice_currency_code, exchange_rate_type, exchange_rate,
    purchase_order, comments, internal_notes, complete_flag, interface_header_context,
    interface_header_attribute1, interface_header_attribute2, interface_header_attribute3, interface_header_attribute4, interface_header_attribute5, interface_header_attribute6, interface_header_attribute7, interface_header_attribute8, interface_header_attribute9, interface_header_attribute10, interface_header_attribute11, interface_header_attribute12, interface_header_attribute13, interface_header_attribute14, interface_header_attribute15, request_id, created_by, creation_date,
    last_updated_by, last_update_date, org_id)
  SELECT t.customer_trx_id, l.trx_number, tt.cust_trx_type_id, l.trx_date, v_source.batch_source_id,
         a.cust_account_id, u.site_use_id, tm.term_id, l.currency_code, l.conversion_type, l.conversion_rate,
         l.purchase_order, l.comments, l.internal_notes, 'Y', l.interface_line_context,
         l.interface_line_attribute1, l.interface_line_attribute2, l.interface_line_attribute3, l.interface_line_attribute4, l.interface_line_attribute5, l.interface_line_attribute6, l.interface_line_attribute7, l.interface_line_attribute8, l.interface_line_attribute9, l.interface_line_attribute10, l.interface_line_attribute11, l.interface_line_attribute12, l.interface_line_attribute13, l.interface_line_attribute14, l.interface_line_attribute15, p_request_id, l.created_by, localtimestamp(0),
         l.last_updated_by, localtimestamp(0), l.org_id
    FROM raxmtr_trx t
    JOIN ra_interface_lines_all l ON l.interface_line_id = t.first_line_id
    JOIN ra_cust_trx_types_all tt ON tt.name = l.cust_trx_type_name AND tt.org_id = l.org_id
    JOIN hz_cust_accounts a ON a.orig_system_reference = l.orig_system_bill_customer_ref
    JOIN hz_cust_acct_sites_all s ON s.cust_account_id = a.cust_account_id AND s.orig_system_reference = l.orig_system_bill_address_ref AND s.org_id = l.org_id
    JOIN hz_cust_site_uses_all u ON u.cust_acct_site_id = s.cust_acct_site_id AND u.site_use_code = 'BILL_TO'
    LEFT JOIN ra_terms tm ON tm.name = l.term_name;
  GET DIAGNOSTICS v_imported = ROW_COUNT;

  INSERT INTO ra_customer_trx_lines_all (customer_trx_line_id, customer_trx_id, line_number, line_type, description,
    quantity_invoiced, quantity_credited, unit_selling_price, extended_amount, revenue_amount, uom_code,
    tax_classification_code, interface_line_context, interface_line_attribute1, interface_line_attribute2, interface_line_attribute3, interface_line_attribute4, interface_line_attribute5, interface_line_attribute6, interface_line_attribute7, interface_line_attribute8, interface_line_attribute9, interface_line_attribute10, interface_line_attribute11, interface_line_attribute12, interface_line_attribute13, interface_line_attribute14, interface_line_attribute15, request_id,
    created_by, creation_date, last_updated_by, last_update_date, org_id)
  SELECT l.interface_line_id, t.customer_trx_id,
         row_number() OVER (PARTITION BY t.customer_trx_id ORDER BY l.interface_line_id), l.line_type, l.description,
         CASE WHEN l.amount >= 0 THEN l.quantity END, CASE WHEN l.amount < 0 THEN l.quantity END,
         l.unit_selling_price, COALESCE(l.amount, l.quantity * l.unit_selling_price),
         COALESCE(l.amount, l.quantity * l.unit_selling_price), l.uom_code, l.tax_code,
         l.interface_line_context, l.interface_line_attribute1, l.interface_line_attribute2, l.interface_line_attribute3, l.interface_line_attribute4, l.interface_line_attribute5, l.interface_line_attribute6, l.interface_line_attribute7, l.interface_line_attribute8, l.interface_line_attribute9, l.interface_line_attribute10, l.interface_line_attribute11, l.interface_line_attribute12, l.interface_line_attribute13, l.interface_line_attribute14, l.interface_line_attribute15, p_request_id,
         l.created_by, localtimestamp(0), l.last_updated_by, localtimestamp(0), l.org_id
    FROM raxmtr_groups g
    JOIN raxmtr_trx t ON t.grp = g.grp
    JOIN ra_interface_lines_all l ON l.interface_line_id = g.interface_line_id;

  -- Imported rows leave the interface.
  DELETE FROM ra_interface_distributions_all d
   WHERE d.interface_line_id IN (SELECT g.interface_line_id FROM raxmtr_groups g JOIN raxmtr_trx t ON t.grp = g.grp)
      OR EXISTS (SELECT 1 FROM raxmtr_groups g JOIN raxmtr_trx t ON t.grp = g.grp
                   JOIN ra_customer_trx_lines_all l ON l.customer_trx_line_id = g.interface_line_id
                  WHERE d.interface_line_context = l.interface_line_context
            AND d.interface_line_attribute1 = l.interface_line_attribute1
            AND d.interface_line_attribute2 IS NOT DISTINCT FROM l.interface_line_attribute2
            AND d.interface_line_attribute3 = l.interface_line_attribute3
            AND d.interface_line_attribute4 IS NOT DISTINCT FROM l.interface_line_attribute4
            AND d.interface_line_attribute5 IS NOT DISTINCT FROM l.interface_line_attribute5
            AND d.interface_line_attribute6 IS NOT DISTINCT FROM l.interface_line_attribute6
            AND d.interface_line_attribute7 IS NOT DISTINCT FROM l.interface_line_attribute7
            AND d.interface_line_attribute8 IS NOT DISTINCT FROM l.interface_line_attribute8
            AND d.interface_line_attribute9 IS NOT DISTINCT FROM l.interface_line_attribute9
            AND d.interface_line_attribute10 IS NOT DISTINCT FROM l.interface_line_attribute10
            AND d.interface_line_attribute11 IS NOT DISTINCT FROM l.interface_line_attribute11
            AND d.interface_line_attribute12 IS NOT DISTINCT FROM l.interface_line_attribute12
            AND d.interface_line_attribute13 IS NOT DISTINCT FROM l.interface_line_attribute13
            AND d.interface_line_attribute14 IS NOT DISTINCT FROM l.interface_line_attribute14
            AND d.interface_line_attribute15 IS NOT DISTINCT FROM l.interface_line_attribute15);
  DELETE FROM ra_interface_lines_all
   WHERE interface_line_id IN (SELECT g.interface_line_id FROM raxmtr_groups g JOIN raxmtr_trx t ON t.grp = g.grp);

  UPDATE fnd_concurrent_requests
     SET phase_code = 'C', status_code = 'C', actual_completion_date = localtimestamp(0), last_update_date = localtimestamp(0),
         completion_text = v_lines || ' lines selected, ' || v_imported || ' transactions created'
   WHERE request_id = p_request_id;
END $$;
