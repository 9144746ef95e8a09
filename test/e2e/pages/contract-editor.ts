import type { Locator, Page } from '@playwright/test';

/** The contract editor (`/contracts/:id`). */
export class ContractEditor {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('contract-editor');
  }

  get save(): Locator {
    return this.page.getByTestId('contract-save');
  }

  get revision(): Locator {
    return this.page.getByTestId('contract-policy-revision');
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  target(priority: 'p1' | 'p2' | 'p3' | 'p4' | 'p5', clock: 'response' | 'resolution'): Locator {
    return this.page.getByTestId(`contract-${priority}-${clock}`);
  }

  /** The inline message Mantine shows under an input. */
  problemUnder(input: Locator): Locator {
    return input.locator('xpath=ancestor::div[contains(@class,"-root")][1]').locator('[class*="-error"]');
  }
}
