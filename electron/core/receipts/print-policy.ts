import type { CommandResult } from '../../../shared/ipc';
import { fail, ok } from '../commands/command-result';
import type { PaymentRecord } from '../payments/types';
import type { Logger, ReceiptService, SettingsService } from '../ports';

/**
 * When receipts print by themselves, and the printer commands. A live change (not a journal
 * replay) to approved prints the receipt; to voided, the void slip — when auto-print is on.
 */
export class PrintPolicy {
  constructor(
    private readonly receipts: ReceiptService | undefined,
    private readonly settings: SettingsService,
    private readonly logger: Logger,
    private readonly noteError: (message: string) => void,
  ) {}

  /** `before` is undefined for a payment first seen now (replayed or just begun). */
  onStateChange(payment: PaymentRecord, before: string | undefined): void {
    const becameApproved = payment.state === 'approved' && before !== 'approved';
    const becameVoided = payment.state === 'voided' && before !== 'voided';
    if (before !== undefined && (becameApproved || becameVoided)) this.autoPrint(payment.transactionId);
  }

  /** A cash sale begins settled (no change to approved follows): its receipt prints now, when auto-print is on. */
  onCashSale(transactionId: string): void {
    this.autoPrint(transactionId);
  }

  async print(transactionId: string, copy: boolean): Promise<CommandResult<{ jobId: string }>> {
    return this.receipts ? ok(await this.receipts.print(transactionId, copy)) : noPrinter();
  }

  async printTestPage(): Promise<CommandResult<{ jobId: string }>> {
    return this.receipts ? ok(await this.receipts.printTestPage()) : noPrinter();
  }

  async pdf(transactionId: string): Promise<CommandResult<{ filename: string; base64: string }>> {
    return this.receipts ? ok(await this.receipts.pdf(transactionId)) : noPrinter();
  }

  async listPrinters(): Promise<CommandResult<{ printers: { name: string; isDefault: boolean }[] }>> {
    return this.receipts ? ok({ printers: await this.receipts.listPrinters() }) : noPrinter();
  }

  private autoPrint(transactionId: string): void {
    if (!this.receipts || !this.settings.current().autoPrint) return;
    this.receipts.print(transactionId, false).catch((err: unknown) => {
      this.logger.error('receipt.autoprint_failed', { transactionId, message: String(err) });
      this.noteError(`Auto-print failed for ${transactionId}`);
    });
  }
}

function noPrinter<T>(): CommandResult<T> {
  return fail('printer_error', 'Printing is not set up on this register.');
}
