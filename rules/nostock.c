/* nostock.c: no stock of codes (stock.h), for rules/precompile, which makes it. */
#include "stock.h"

const pk_stock pk_stock_codes = {0, 0, 0, 0, 0, 0, 0, 0};
