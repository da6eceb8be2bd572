#!/usr/bin/python3
"""Tryton's own fastest path, for the posting benchmark: create and post N customer invoices with proteus in
trytond mode (the server's code imported directly, no HTTP, no JSON), one invoice at a time, as Tryton's own
scripts do. Written for the Connector; no third-party code.

    /usr/bin/python3 bench/tryton/proteus_bench.py --config $TRYTON_HOME/trytond.conf --database $TRYTON_DB \
        --setup $TRYTON_HOME/setup.json --count 1000 --lines 2

Prints one JSON object: {"count": N, "seconds": S, "per_second": R, "posted": P}. Run it while no other process
writes to the database (SQLite has one writer).
"""
import argparse
import datetime
import json
import os
import time
from decimal import Decimal


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--config', required=True)
    p.add_argument('--database', required=True)
    p.add_argument('--setup', required=True, help='setup.json written by setup_db.py')
    p.add_argument('--count', type=int, default=1000)
    p.add_argument('--lines', type=int, default=2)
    p.add_argument('--tag', default=str(os.getpid()))
    args = p.parse_args()

    os.environ['TRYTOND_CONFIG'] = args.config
    from proteus import config as pconfig, Model

    pconfig.set_trytond(database=args.database, config_file=args.config)
    with open(args.setup) as f:
        setup = json.load(f)

    Invoice = Model.get('account.invoice')
    Party = Model.get('party.party')
    Account = Model.get('account.account')
    revenue = Account(setup['account_revenue']['id'])
    parties = [Party(c['id']) for c in setup['customers'].values()]
    today = datetime.date.today()

    start = time.perf_counter()
    for i in range(args.count):
        invoice = Invoice()
        invoice.type = 'out'
        invoice.party = parties[i % len(parties)]
        invoice.invoice_date = today
        invoice.reference = 'PROTEUS-%s-%d' % (args.tag, i)
        for n in range(args.lines):
            line = invoice.lines.new()
            line.description = 'Item %d' % (n + 1)
            line.account = revenue
            line.quantity = (i + n) % 9 + 1
            line.unit_price = Decimal('12.35')
        invoice.save()
        invoice.click('post')
    seconds = time.perf_counter() - start

    posted = len(Invoice.find([('reference', 'like', 'PROTEUS-%s-%%' % args.tag), ('state', '=', 'posted')]))
    print(json.dumps({'count': args.count, 'seconds': round(seconds, 3),
                      'per_second': round(args.count / seconds, 2), 'posted': posted}))


if __name__ == '__main__':
    main()
