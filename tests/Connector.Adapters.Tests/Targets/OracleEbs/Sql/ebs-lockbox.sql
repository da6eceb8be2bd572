-- Lockbox (receipts) and open items for the oracle-ebs adapter's tests, in PL/pgSQL, standing in for Oracle E-Business
-- Suite: the tables AutoLockbox reads and writes (real EBS column names, simplified), and an emulated Process Lockboxes
-- (ARLPLB) that validates one transmission as documented (record counts and amounts at transmission, lockbox and
-- batch level; a known lockbox; customers and invoices; no duplicate receipt within the batch, the only duplicate
-- check Lockbox makes; a transmission name used before is refused) and posts it: AR_CASH_RECEIPTS_ALL, AR_RECEIVABLE_APPLICATIONS_ALL (APP rows,
-- and one UNAPP row for what stays unapplied), AR_PAYMENT_SCHEDULES_ALL balances. A transmission with any error posts
-- nothing: its rows stay in the interface with STATUS set to the error (AR_PLB_...). Simplified: no interim QuickCash
-- tables, one batch per transmission, no cross-currency.

CREATE SEQUENCE AR_TRANSMISSIONS_S START 8000001;
CREATE SEQUENCE AR_CASH_RECEIPTS_S START 9000001;
CREATE SEQUENCE AR_RECEIVABLE_APPLICATIONS_S START 9500001;

CREATE TABLE AR_LOCKBOXES_ALL (
  LOCKBOX_ID NUMERIC(15) PRIMARY KEY,
  LOCKBOX_NUMBER VARCHAR(30) NOT NULL,
  ORG_ID NUMERIC(15) NOT NULL,
  STATUS VARCHAR(1) NOT NULL
);

CREATE TABLE AR_TRANSMISSIONS_ALL (
  TRANSMISSION_ID NUMERIC(15) PRIMARY KEY,
  TRANSMISSION_NAME VARCHAR(30) NOT NULL UNIQUE,
  TRANSMISSION_REQUEST_ID NUMERIC(15),
  STATUS VARCHAR(30) NOT NULL,
  COUNT NUMERIC,
  AMOUNT NUMERIC,
  ORG_ID NUMERIC(15) NOT NULL,
  CREATION_DATE TIMESTAMP(0) NOT NULL
);

CREATE TABLE AR_PAYMENT_SCHEDULES_ALL (
  PAYMENT_SCHEDULE_ID NUMERIC(15) PRIMARY KEY,
  CUSTOMER_TRX_ID NUMERIC(15),
  CASH_RECEIPT_ID NUMERIC(15),
  CUSTOMER_ID NUMERIC(15),
  CLASS VARCHAR(20) NOT NULL,
  TRX_NUMBER VARCHAR(30),
  TRX_DATE TIMESTAMP(0),
  DUE_DATE TIMESTAMP(0),
  INVOICE_CURRENCY_CODE VARCHAR(15) NOT NULL,
  AMOUNT_DUE_ORIGINAL NUMERIC NOT NULL,
  AMOUNT_DUE_REMAINING NUMERIC NOT NULL,
  AMOUNT_APPLIED NUMERIC,
  TERMS_SEQUENCE_NUMBER NUMERIC,
  TERM_ID NUMERIC(15),
  STATUS VARCHAR(30) NOT NULL,
  ORG_ID NUMERIC(15) NOT NULL
);

CREATE TABLE AR_CASH_RECEIPTS_ALL (
  CASH_RECEIPT_ID NUMERIC(15) PRIMARY KEY,
  RECEIPT_NUMBER VARCHAR(30) NOT NULL,
  RECEIPT_DATE TIMESTAMP(0) NOT NULL,
  AMOUNT NUMERIC NOT NULL,
  CURRENCY_CODE VARCHAR(15) NOT NULL,
  PAY_FROM_CUSTOMER NUMERIC(15),
  STATUS VARCHAR(30) NOT NULL,
  TYPE VARCHAR(20) NOT NULL,
  COMMENTS VARCHAR(2000),
  ATTRIBUTE1 VARCHAR(150), ATTRIBUTE2 VARCHAR(150), ATTRIBUTE3 VARCHAR(150), ATTRIBUTE4 VARCHAR(150), ATTRIBUTE5 VARCHAR(150),
  ATTRIBUTE6 VARCHAR(150), ATTRIBUTE7 VARCHAR(150), ATTRIBUTE8 VARCHAR(150), ATTRIBUTE9 VARCHAR(150), ATTRIBUTE10 VARCHAR(150),
  ATTRIBUTE11 VARCHAR(150), ATTRIBUTE12 VARCHAR(150), ATTRIBUTE13 VARCHAR(150), ATTRIBUTE14 VARCHAR(150), ATTRIBUTE15 VARCHAR(150),
  REQUEST_ID NUMERIC(15),
  ORG_ID NUMERIC(15) NOT NULL,
  CREATION_DATE TIMESTAMP(0) NOT NULL
);

CREATE TABLE AR_RECEIVABLE_APPLICATIONS_ALL (
  RECEIVABLE_APPLICATION_ID NUMERIC(15) PRIMARY KEY,
  CASH_RECEIPT_ID NUMERIC(15) NOT NULL REFERENCES AR_CASH_RECEIPTS_ALL,
  APPLIED_CUSTOMER_TRX_ID NUMERIC(15),
  APPLIED_PAYMENT_SCHEDULE_ID NUMERIC(15),
  AMOUNT_APPLIED NUMERIC NOT NULL,
  EARNED_DISCOUNT_TAKEN NUMERIC,
  STATUS VARCHAR(30) NOT NULL,
  APPLY_DATE TIMESTAMP(0) NOT NULL,
  REQUEST_ID NUMERIC(15),
  ORG_ID NUMERIC(15) NOT NULL
);

-- Submits Process Lockboxes like fnd_request.submit_request('AR', 'ARLPLB', ...) for rows already in the interface:
-- returns the request id. The transmission's rows are those whose key attribute (ATTRIBUTE15) holds its name.
CREATE FUNCTION FND_REQUEST_SUBMIT_ARLPLB(p_transmission_name VARCHAR, p_org_id NUMERIC, p_lockbox_number VARCHAR,
                                          p_gl_date VARCHAR, p_user_id NUMERIC)
RETURNS NUMERIC LANGUAGE plpgsql AS $$
DECLARE
  v_request_id NUMERIC := nextval('fnd_concurrent_requests_s');
BEGIN
  INSERT INTO fnd_concurrent_requests (request_id, program_application_id, concurrent_program_name, phase_code,
    status_code, argument_text, argument1, argument2, argument3, argument4, requested_by, request_date, org_id,
    last_updated_by, last_update_date)
  VALUES (v_request_id, 222, 'ARLPLB', 'P', 'I', concat_ws(', ', p_transmission_name, p_org_id, p_lockbox_number, p_gl_date),
    p_transmission_name, p_org_id::text, p_lockbox_number, p_gl_date, p_user_id, localtimestamp(0), p_org_id, p_user_id, localtimestamp(0));
  IF (SELECT run_at_once FROM ebs_emulator_settings) THEN
    PERFORM arlplb_run(v_request_id);
  END IF;
  RETURN v_request_id;
END $$;

CREATE FUNCTION ARLPLB_RUN(p_request_id NUMERIC)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  r fnd_concurrent_requests%ROWTYPE;
  v_name VARCHAR;
  v_org NUMERIC;
  v_transmission NUMERIC := nextval('ar_transmissions_s');
  v_error VARCHAR;
  v_all INTEGER;
  v_total NUMERIC;
  p RECORD;
  a RECORD;
  v_customer NUMERIC;
  v_receipt NUMERIC;
  v_applied NUMERIC;
  v_ps ar_payment_schedules_all%ROWTYPE;
BEGIN
  SELECT * INTO r FROM fnd_concurrent_requests WHERE request_id = p_request_id;
  v_name := r.argument1;
  v_org := r.argument2::NUMERIC;
  UPDATE fnd_concurrent_requests SET phase_code = 'R', status_code = 'R', actual_start_date = localtimestamp(0) WHERE request_id = p_request_id;
  IF EXISTS (SELECT 1 FROM ar_transmissions_all WHERE transmission_name = v_name) THEN
    UPDATE fnd_concurrent_requests SET phase_code = 'C', status_code = 'E', actual_completion_date = localtimestamp(0),
      completion_text = 'Transmission name ' || v_name || ' already exists' WHERE request_id = p_request_id;
    RETURN;
  END IF;
  UPDATE ar_payments_interface_all SET transmission_id = v_transmission, transmission_request_id = p_request_id, status = 'AR_PLB_NEW_RECORD'
   WHERE attribute15 = v_name AND org_id = v_org;
  GET DIAGNOSTICS v_all = ROW_COUNT;
  INSERT INTO ar_transmissions_all VALUES (v_transmission, v_name, p_request_id, 'NEW', v_all, NULL, v_org, localtimestamp(0));
  SELECT COALESCE(sum(remittance_amount), 0) INTO v_total FROM ar_payments_interface_all WHERE transmission_id = v_transmission AND record_type = '6';

  -- Transmission-level checks: a known lockbox, counts and amounts of the trailers.
  IF v_all = 0 THEN
    v_error := 'AR_PLB_NO_RECORDS';
  ELSIF NOT EXISTS (SELECT 1 FROM ar_lockboxes_all WHERE lockbox_number = r.argument3 AND org_id = v_org AND status = 'A') THEN
    v_error := 'AR_PLB_INVALID_LOCKBOX';
  ELSIF EXISTS (SELECT 1 FROM ar_payments_interface_all WHERE transmission_id = v_transmission AND record_type = '9'
                   AND (transmission_record_count <> v_all OR transmission_amount <> v_total))
     OR NOT EXISTS (SELECT 1 FROM ar_payments_interface_all WHERE transmission_id = v_transmission AND record_type = '9') THEN
    v_error := 'AR_PLB_TRANS_COUNT_AMT_MISMATCH';
  ELSIF EXISTS (SELECT 1 FROM ar_payments_interface_all t WHERE t.transmission_id = v_transmission AND t.record_type = '8'
                   AND (t.lockbox_record_count <> (SELECT count(*) FROM ar_payments_interface_all x WHERE x.transmission_id = v_transmission AND x.record_type = '6')
                        OR t.lockbox_amount <> v_total)) THEN
    v_error := 'AR_PLB_LOCKBOX_COUNT_AMT_MISMATCH';
  ELSIF EXISTS (SELECT 1 FROM ar_payments_interface_all t WHERE t.transmission_id = v_transmission AND t.record_type = '7'
                   AND (t.batch_record_count <> (SELECT count(*) FROM ar_payments_interface_all x WHERE x.transmission_id = v_transmission AND x.record_type = '6' AND x.batch_name = t.batch_name)
                        OR t.batch_amount <> (SELECT sum(remittance_amount) FROM ar_payments_interface_all x WHERE x.transmission_id = v_transmission AND x.record_type = '6' AND x.batch_name = t.batch_name))) THEN
    v_error := 'AR_PLB_BATCH_COUNT_AMT_MISMATCH';
  END IF;

  -- Receipt-level checks, every failure stamped on its record.
  IF v_error IS NULL THEN
    FOR p IN SELECT * FROM ar_payments_interface_all WHERE transmission_id = v_transmission AND record_type = '6' ORDER BY item_number LOOP
      SELECT cust_account_id INTO v_customer FROM hz_cust_accounts WHERE account_number = p.customer_number AND status = 'A';
      IF p.customer_number IS NOT NULL AND v_customer IS NULL THEN
        UPDATE ar_payments_interface_all SET status = 'AR_PLB_CUST_NUM_INVALID' WHERE transmission_id = v_transmission AND record_type = '6' AND item_number = p.item_number;
      ELSIF (SELECT count(*) FROM ar_payments_interface_all x WHERE x.transmission_id = v_transmission AND x.record_type = '6'
               AND x.check_number = p.check_number AND x.remittance_amount = p.remittance_amount AND x.batch_name = p.batch_name) > 1 THEN
        UPDATE ar_payments_interface_all SET status = 'AR_PLB_DUP_PMT' WHERE transmission_id = v_transmission AND record_type = '6' AND item_number = p.item_number;
      ELSE
        FOR a IN SELECT ov.invoice, ov.amount FROM (
                   SELECT x.overflow_sequence AS seq, v.n, v.invoice, v.amount FROM ar_payments_interface_all x
                   CROSS JOIN LATERAL (VALUES (1, x.invoice1, x.amount_applied1), (2, x.invoice2, x.amount_applied2), (3, x.invoice3, x.amount_applied3),
                     (4, x.invoice4, x.amount_applied4), (5, x.invoice5, x.amount_applied5), (6, x.invoice6, x.amount_applied6),
                     (7, x.invoice7, x.amount_applied7), (8, x.invoice8, x.amount_applied8)) v(n, invoice, amount)
                   WHERE x.transmission_id = v_transmission AND x.record_type IN ('6', '4') AND x.item_number = p.item_number AND v.invoice IS NOT NULL) ov LOOP
          SELECT * INTO v_ps FROM ar_payment_schedules_all WHERE trx_number = a.invoice AND org_id = v_org AND class IN ('INV', 'CM', 'DM') ORDER BY due_date LIMIT 1;
          IF NOT FOUND THEN
            UPDATE ar_payments_interface_all SET status = 'AR_PLB_INVALID_MATCH' WHERE transmission_id = v_transmission AND item_number = p.item_number AND record_type IN ('6', '4');
          ELSIF v_ps.invoice_currency_code <> p.currency_code THEN
            UPDATE ar_payments_interface_all SET status = 'AR_PLB_CURRENCY_MISMATCH' WHERE transmission_id = v_transmission AND item_number = p.item_number AND record_type IN ('6', '4');
          ELSIF abs(a.amount) > abs(v_ps.amount_due_remaining) THEN
            UPDATE ar_payments_interface_all SET status = 'AR_PLB_OVERAPPLY' WHERE transmission_id = v_transmission AND item_number = p.item_number AND record_type IN ('6', '4');
          END IF;
        END LOOP;
      END IF;
    END LOOP;
    IF EXISTS (SELECT 1 FROM ar_payments_interface_all WHERE transmission_id = v_transmission AND status <> 'AR_PLB_NEW_RECORD') THEN
      v_error := 'AR_PLB_RECORDS_REJECTED';
    END IF;
  ELSE
    UPDATE ar_payments_interface_all SET status = v_error WHERE transmission_id = v_transmission;
  END IF;

  IF v_error IS NOT NULL THEN
    UPDATE ar_transmissions_all SET status = 'OOB', amount = v_total WHERE transmission_id = v_transmission;
    UPDATE fnd_concurrent_requests SET phase_code = 'C', status_code = 'G', actual_completion_date = localtimestamp(0),
      completion_text = 'Lockbox rejected transmission ' || v_name || ': ' || v_error WHERE request_id = p_request_id;
    RETURN;
  END IF;

  -- Post: one cash receipt per payment record, its applications, the balances; the interface rows are deleted.
  FOR p IN SELECT * FROM ar_payments_interface_all WHERE transmission_id = v_transmission AND record_type = '6' ORDER BY item_number LOOP
    SELECT cust_account_id INTO v_customer FROM hz_cust_accounts WHERE account_number = p.customer_number;
    v_receipt := nextval('ar_cash_receipts_s');
    INSERT INTO ar_cash_receipts_all (cash_receipt_id, receipt_number, receipt_date, amount, currency_code, pay_from_customer, status, type,
      comments, attribute15, request_id, org_id, creation_date)
    VALUES (v_receipt, p.check_number, p.receipt_date, p.remittance_amount, p.currency_code, v_customer, 'UNAPP', 'CASH', p.comments,
      p.attribute15, p_request_id, v_org, localtimestamp(0));
    v_applied := 0;
    FOR a IN SELECT v.invoice, v.amount FROM ar_payments_interface_all x
               CROSS JOIN LATERAL (VALUES (1, x.invoice1, x.amount_applied1), (2, x.invoice2, x.amount_applied2), (3, x.invoice3, x.amount_applied3),
                 (4, x.invoice4, x.amount_applied4), (5, x.invoice5, x.amount_applied5), (6, x.invoice6, x.amount_applied6),
                 (7, x.invoice7, x.amount_applied7), (8, x.invoice8, x.amount_applied8)) v(n, invoice, amount)
              WHERE x.transmission_id = v_transmission AND x.record_type IN ('6', '4') AND x.item_number = p.item_number AND v.invoice IS NOT NULL
              ORDER BY x.record_type DESC, x.overflow_sequence NULLS FIRST, v.n LOOP
      SELECT * INTO v_ps FROM ar_payment_schedules_all WHERE trx_number = a.invoice AND org_id = v_org AND class IN ('INV', 'CM', 'DM') ORDER BY due_date LIMIT 1;
      INSERT INTO ar_receivable_applications_all VALUES (nextval('ar_receivable_applications_s'), v_receipt, v_ps.customer_trx_id,
        v_ps.payment_schedule_id, a.amount, 0, 'APP', p.receipt_date, p_request_id, v_org);
      UPDATE ar_payment_schedules_all SET amount_due_remaining = amount_due_remaining - a.amount,
        amount_applied = COALESCE(amount_applied, 0) + a.amount,
        status = CASE WHEN amount_due_remaining - a.amount = 0 THEN 'CL' ELSE 'OP' END
       WHERE payment_schedule_id = v_ps.payment_schedule_id;
      v_applied := v_applied + a.amount;
    END LOOP;
    IF v_applied <> p.remittance_amount THEN
      INSERT INTO ar_receivable_applications_all VALUES (nextval('ar_receivable_applications_s'), v_receipt, NULL, NULL,
        p.remittance_amount - v_applied, NULL, 'UNAPP', p.receipt_date, p_request_id, v_org);
    END IF;
    UPDATE ar_cash_receipts_all SET status = CASE WHEN v_applied = p.remittance_amount THEN 'APP' ELSE 'UNAPP' END WHERE cash_receipt_id = v_receipt;
  END LOOP;
  DELETE FROM ar_payments_interface_all WHERE transmission_id = v_transmission;
  UPDATE ar_transmissions_all SET status = 'CL', amount = v_total WHERE transmission_id = v_transmission;
  UPDATE fnd_concurrent_requests SET phase_code = 'C', status_code = 'C', actual_completion_date = localtimestamp(0),
    completion_text = 'Lockbox posted transmission ' || v_name WHERE request_id = p_request_id;
END $$;
