import { expect, type Locator, type Page } from '@playwright/test';

export interface NewAccount {
  readonly username: string;
  readonly name: string;
  readonly contracts: readonly RegExp[];
  readonly password: string;
}

/** The Users screen (admins, supervisors): list, create and edit accounts. */
export class UsersPage {
  constructor(readonly page: Page) {}

  row(username: string): Locator {
    return this.page.locator(`[data-testid="users-row"][data-username="${username}"]`);
  }

  get form(): Locator {
    return this.page.getByTestId('user-form');
  }

  /** Picks options in the form's contract MultiSelect. */
  async addContracts(contracts: readonly RegExp[]): Promise<void> {
    for (const contract of contracts) {
      await this.page.getByTestId('user-form-contracts').click();
      await this.page.getByRole('option', { name: contract }).click();
    }
    await this.page.keyboard.press('Escape');
  }

  /** Removes a contract pill from the form's MultiSelect. */
  async removeContract(contract: RegExp): Promise<void> {
    const pill = this.form.locator('.mantine-Pill-root').filter({ hasText: contract });
    await pill.locator('.mantine-Pill-remove').click();
    await expect(pill).toHaveCount(0);
  }

  async create(account: NewAccount): Promise<void> {
    await this.page.getByTestId('users-new').click();
    await expect(this.form).toBeVisible();
    await this.page.getByTestId('user-form-username').fill(account.username);
    await this.page.getByTestId('user-form-name').fill(account.name);
    await this.addContracts(account.contracts);
    await this.page.getByTestId('user-form-password').fill(account.password);
    await this.page.getByTestId('user-form-confirm').fill(account.password);
    await this.page.getByTestId('user-form-save').click();
    await expect(this.form).toBeHidden();
    await expect(this.row(account.username)).toBeVisible();
  }

  async edit(username: string): Promise<void> {
    await this.row(username).getByTestId('users-edit').click();
    await expect(this.form).toBeVisible();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('user-form-save').click();
    await expect(this.form).toBeHidden();
  }
}
