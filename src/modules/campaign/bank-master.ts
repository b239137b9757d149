import { createRequire } from 'node:module';

interface Branch {
  code: string;
  name: string;
  kana: string;
}
interface Bank extends Branch {
  branches: Record<string, Branch>;
}

let master: Record<string, Bank> | null = null;

/**
 * The bank master (全銀協 金融機関・店舗コード) from the maintained `zengin-code` package, loaded on
 * first use (5 MB: only processes that check an account pay for it).
 */
function banks(): Record<string, Bank> {
  master ??= createRequire(import.meta.url)('zengin-code') as Record<string, Bank>;
  return master;
}

/** The bank with this 4-digit code, if it exists. */
export function bankOf(code: string): Bank | undefined {
  return Object.hasOwn(banks(), code) ? banks()[code] : undefined;
}

/** The branch of a bank, if both exist. */
export function branchOf(bankCode: string, branchCode: string): Branch | undefined {
  const bank = bankOf(bankCode);
  return bank && Object.hasOwn(bank.branches, branchCode) ? bank.branches[branchCode] : undefined;
}
