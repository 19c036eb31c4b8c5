import type { Locator } from 'playwright-core'

/**
 * Chooses `option` in a picker by keyboard alone, as a screen-reader user would: types into the
 * combobox, moves down the list with ArrowDown until the active option is the one wanted, and
 * presses Enter.
 */
export async function pickByKeyboard(combobox: Locator, text: string, option: string | RegExp): Promise<void> {
  await combobox.focus()
  await combobox.pressSequentially(text)
  const page = combobox.page()
  const listbox = page.locator(`[id="${await combobox.getAttribute('aria-controls')}"]`)
  await listbox.getByRole('option', { name: option, exact: true }).waitFor()
  const wanted = (label: string | null) => (typeof option === 'string' ? label === option : option.test(label ?? ''))
  for (let step = 0; step < 20; step++) {
    await combobox.press('ArrowDown')
    const active = await combobox.getAttribute('aria-activedescendant')
    if (active && wanted(await page.locator(`[id="${active}"]`).textContent())) {
      await combobox.press('Enter')
      return
    }
  }
  throw new Error(`„${option}” never became the active option of the picker`)
}
