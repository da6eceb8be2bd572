#!/usr/bin/python3
"""Populate a freshly initialised Tryton 6.0 database for the Connector's tests.

Adapted for the Connector from the research recipe (shared/reference/tryton);
written for this project, no third-party code.

Run by setup.sh after `trytond-admin` created the database.  Uses proteus
(Tryton's scripting client) in "trytond" mode, i.e. it imports the server
code directly and talks to the database; no HTTP server is needed.

Creates, idempotently enough for a fresh DB:
  * modules activated (account_invoice + chart module) if not already
  * currency EUR, company "ACME Test SARL" (currency EUR)
  * chart of accounts from a template (French PCG by default, or the
    account module's minimal English chart with --chart minimal)
  * fiscal year(s) (default: the current one; --year N, repeatable), monthly
    periods, a move sequence and strict invoice sequences INV/<year>/0001 ...
  * payment terms "Net 30" and "Net 60"
  * payment method "Bank" (cash journal) used by the invoice pay wizard
  * the customers of a customer master CSV (--customers, the Connector's
    format: account_number,name,...,address): one party per row, its code the
    account number, with an invoice address and the Net 30 term

Prints a JSON document with all ids a JSON-RPC client needs and writes it to
--out (default: <config dir>/setup.json).
"""
import argparse
import csv
import datetime
import re
import json
import os
import sys
from decimal import Decimal

from dateutil.relativedelta import relativedelta


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument('--config', required=True, help='trytond.conf path')
    p.add_argument('--database', '-d', required=True)
    p.add_argument('--chart', choices=['fr', 'minimal'], default='fr')
    p.add_argument('--year', type=int, action='append', dest='years',
                   help='fiscal year to create (repeatable; default: current)')
    p.add_argument('--customers', default=None,
                   help="customer master CSV (the Connector's format)")
    p.add_argument('--out', default=None)
    return p.parse_args()


CHARTS = {
    # module, xml id of root template, receivable, payable, revenue, bank
    'fr': dict(module='account_fr', fs_id='root',
               receivable='4111', payable='4011', revenue='706',
               revenue_alt='7011', bank='5121'),
    'minimal': dict(module='account', fs_id='account_template_root_en',
                    receivable=None, payable=None, revenue=None,
                    revenue_alt=None, bank=None),
}


def main():
    args = parse_args()
    os.environ['TRYTOND_CONFIG'] = args.config
    from proteus import config as pconfig, Model, Wizard

    cfg = pconfig.set_trytond(database=args.database,
                              config_file=args.config)

    # ------------------------------------------------------------------
    # Modules (normally already activated by `trytond-admin -u ...`)
    # ------------------------------------------------------------------
    wanted = ['account_invoice']
    if args.chart == 'fr':
        wanted.append('account_fr')
    Module = Model.get('ir.module')
    todo = Module.find([('name', 'in', wanted),
                        ('state', '!=', 'activated')])
    if todo:
        Module.click(todo, 'activate')
        Wizard('ir.module.activate_upgrade').execute('upgrade')
        cfg = pconfig.set_trytond(database=args.database,
                                  config_file=args.config)

    # ------------------------------------------------------------------
    # Currency + company
    # ------------------------------------------------------------------
    Currency = Model.get('currency.currency')
    CurrencyRate = Model.get('currency.currency.rate')
    Party = Model.get('party.party')
    Company = Model.get('company.company')
    User = Model.get('res.user')

    eur, = Currency.find([('code', '=', 'EUR')]) or [None]
    if eur is None:
        eur = Currency(name='Euro', code='EUR', symbol='€',
                       rounding=Decimal('0.01'), digits=2)
        eur.save()
        CurrencyRate(date=datetime.date(2000, 1, 1), rate=Decimal('1'),
                     currency=eur).save()

    companies = Company.find([])
    if companies:
        company = companies[0]
    else:
        company_party = Party(name='ACME Test SARL', code='COMPANY')
        company_party.save()
        wiz = Wizard('company.company.config')
        wiz.execute('company')
        wiz.form.party = company_party
        wiz.form.currency = eur
        wiz.execute('add')
        company, = Company.find([])
    # reload the context so that 'company' is set for the admin user
    cfg._context = User.get_preferences(True, {})

    # ------------------------------------------------------------------
    # Chart of accounts
    # ------------------------------------------------------------------
    chart = CHARTS[args.chart]
    Account = Model.get('account.account')
    AccountTemplate = Model.get('account.account.template')
    ModelData = Model.get('ir.model.data')

    def account_by(kind=None, code=None):
        domain = [('company', '=', company.id), ('type', '!=', None)]
        if kind:
            domain.append(('type.%s' % kind, '=', True))
        if code:
            domain.append(('code', '=', code))
        found = Account.find(domain, limit=1)
        return found[0] if found else None

    if not Account.find([('company', '=', company.id)], limit=1):
        data, = ModelData.find([('module', '=', chart['module']),
                                ('fs_id', '=', chart['fs_id'])], limit=1)
        template = AccountTemplate(data.db_id)
        wiz = Wizard('account.create_chart')
        wiz.execute('account')
        wiz.form.account_template = template
        wiz.form.company = company
        wiz.execute('create_account')
        wiz.form.account_receivable = account_by(
            'receivable', chart['receivable'])
        wiz.form.account_payable = account_by('payable', chart['payable'])
        wiz.execute('create_properties')

    receivable = account_by('receivable', chart['receivable'])
    payable = account_by('payable', chart['payable'])
    revenue = (account_by('revenue', chart['revenue'])
               or account_by('revenue', chart['revenue_alt'])
               or account_by('revenue'))
    if chart['bank']:
        bank = account_by(code=chart['bank'])
    else:
        bank, = Account.find([('company', '=', company.id),
                              ('name', '=', 'Main Cash')], limit=1)

    # ------------------------------------------------------------------
    # Fiscal year, periods, sequences
    # ------------------------------------------------------------------
    FiscalYear = Model.get('account.fiscalyear')
    Sequence = Model.get('ir.sequence')
    SequenceStrict = Model.get('ir.sequence.strict')
    SequenceType = Model.get('ir.sequence.type')
    fiscalyears = {}
    for year in sorted(set(args.years or [datetime.date.today().year])):
        fiscalyear = (FiscalYear.find([('name', '=', str(year)),
                                       ('company', '=', company.id)]) or [None])[0]
        if fiscalyear is None:
            start = datetime.date(year, 1, 1)
            fiscalyear = FiscalYear(name=str(year), company=company,
                                    start_date=start,
                                    end_date=start + relativedelta(month=12,
                                                                   day=31))
            move_type, = SequenceType.find([('name', '=', 'Account Move')],
                                           limit=1)
            move_seq = Sequence(name='Moves %s' % year, sequence_type=move_type,
                                company=company)
            move_seq.save()
            fiscalyear.post_move_sequence = move_seq
            inv_type, = SequenceType.find([('name', '=', 'Invoice')], limit=1)
            inv_seq = SequenceStrict(name='Customer invoices %s' % year,
                                     sequence_type=inv_type, company=company,
                                     prefix='INV/%s/' % year, padding=4)
            inv_seq.save()
            cn_seq = SequenceStrict(name='Credit notes %s' % year,
                                    sequence_type=inv_type, company=company,
                                    prefix='CN/%s/' % year, padding=4)
            cn_seq.save()
            sup_seq = SequenceStrict(name='Supplier invoices %s' % year,
                                     sequence_type=inv_type, company=company,
                                     prefix='SUP/%s/' % year, padding=4)
            sup_seq.save()
            seq, = fiscalyear.invoice_sequences
            seq.out_invoice_sequence = inv_seq
            seq.out_credit_note_sequence = cn_seq
            seq.in_invoice_sequence = sup_seq
            seq.in_credit_note_sequence = sup_seq
            fiscalyear.save()
            fiscalyear.click('create_period')
        fiscalyears[str(year)] = fiscalyear.id

    # ------------------------------------------------------------------
    # Payment term "Net 30"
    # ------------------------------------------------------------------
    PaymentTerm = Model.get('account.invoice.payment_term')

    def net_term(days):
        name = 'Net %d' % days
        terms = PaymentTerm.find([('name', '=', name)])
        if terms:
            return terms[0]
        term = PaymentTerm(name=name)
        line = term.lines.new(type='remainder')
        if line.relativedeltas:
            line.relativedeltas[0].days = days
        else:
            line.relativedeltas.new(days=days)
        term.save()
        return term

    net30 = net_term(30)
    net60 = net_term(60)

    # ------------------------------------------------------------------
    # Payment method for the "account.invoice.pay" wizard
    # ------------------------------------------------------------------
    Journal = Model.get('account.journal')
    PaymentMethod = Model.get('account.invoice.payment.method')
    revenue_journal, = Journal.find([('code', '=', 'REV')], limit=1)
    cash_journal, = Journal.find([('code', '=', 'CASH')], limit=1)
    methods = PaymentMethod.find([('name', '=', 'Bank')])
    if methods:
        pay_method = methods[0]
    else:
        pay_method = PaymentMethod(name='Bank', company=company,
                                   journal=cash_journal,
                                   credit_account=bank, debit_account=bank)
        pay_method.save()

    # ------------------------------------------------------------------
    # Customers
    # ------------------------------------------------------------------
    rows = [('CUST001', 'Alpha Retail SAS', '1 rue de la Paix 75002 Paris'),
            ('CUST002', 'Beta Services SARL', '1 rue de la Paix 69002 Lyon')]
    if args.customers:
        with open(args.customers, newline='', encoding='utf-8-sig') as f:
            rows = [(r['account_number'].strip(), r['name'].strip(),
                     (r.get('address') or '').strip())
                    for r in csv.DictReader(f) if r['account_number'].strip()]
    customers = {}
    for code, name, where in rows:
        found = Party.find([('code', '=', code)])
        if found:
            party = found[0]
        else:
            party = Party(name=name, code=code)
            if party.addresses:
                address = party.addresses[0]
            else:
                address = party.addresses.new()
            # "14 rue des Tanneurs 69007 Lyon": street, postal code, city
            m = re.match(r'^(.*?)\s+(\d{4,5})\s+(.+)$', where)
            if m:
                address.street, address.postal_code, address.city = m.groups()
            else:
                address.street = where
            party.customer_payment_term = net30
            party.save()
        customers[code] = {
            'id': party.id, 'name': party.name,
            'invoice_address': party.addresses[0].id,
        }

    result = {
        'database': args.database,
        'chart': args.chart,
        'company': company.id,
        'currency_eur': eur.id,
        'fiscalyears': fiscalyears,
        'journal_revenue': revenue_journal.id,
        'journal_cash': cash_journal.id,
        'account_receivable': {'id': receivable.id,
                               'code': receivable.code},
        'account_revenue': {'id': revenue.id, 'code': revenue.code},
        'account_bank': {'id': bank.id, 'code': bank.code},
        'payment_term_net30': net30.id,
        'payment_term_net60': net60.id,
        'payment_method_bank': pay_method.id,
        'customers': customers,
    }
    out = args.out or os.path.join(os.path.dirname(
        os.path.abspath(args.config)), 'setup.json')
    with open(out, 'w') as f:
        json.dump(result, f, indent=2)
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == '__main__':
    main()
