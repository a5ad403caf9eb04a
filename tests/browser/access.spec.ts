import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, openSection, startAssessment, statement } from "./pages.ts";

test("every page has no WCAG 2.2 AA violation", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/");
  await expectAccessible(page);

  const { link } = await startAssessment(page, "Axe workshop", "Priya");
  await expectAccessible(page);

  await openSection(page, "Security");
  await page.getByText("Guidance for each level").first().click();
  await expectAccessible(page);

  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expectAccessible(other);
  await other.getByRole("button", { name: "Join assessment" }).click();
  await expect(other.getByRole("alert")).toBeVisible();
  await expectAccessible(other);
});

test("a whole round works by keyboard alone", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/");
  await expect(page.getByLabel("Assessment name")).toBeVisible();

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Assessment name"));
  await page.keyboard.type("Keyboard workshop");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Your name")).toBeFocused();
  await page.keyboard.type("Kim");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard workshop" })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "Security", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();

  // Tab reaches the first question's radios; Space picks one and the arrow keys move it.
  const first = page.getByRole("group", { name: "How do you manage accounts used by software" });
  await tabTo(page, first.getByRole("radio").first());
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(first.getByLabel("We use API keys that don’t change often.")).toBeChecked();
  await expect(page.getByTestId("progress-security")).toContainText("1 answered");

  await tabTo(page, page.getByRole("button", { name: "Save and continue" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Technology" })).toBeVisible();
});

/** Presses Tab until `target` has focus, failing after a bounded number of presses. */
async function tabTo(page: Page, target: Locator, maxPresses = 80) {
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("an observer sees answers but cannot change them", async ({ browser }) => {
  const priya = await (await browser.newContext()).newPage();
  const ola = await (await browser.newContext()).newPage();
  const { link } = await startAssessment(priya, "Observed workshop", "Priya");
  await ola.goto(link);
  await ola.getByLabel("Your name").fill("Ola");
  await ola.getByLabel("Watch only").check();
  await ola.getByRole("button", { name: "Join assessment" }).click();
  await openSection(ola, "Security");
  await openSection(priya, "Security");

  await statement(priya, "How do you manage risks?", "Informally, by individuals.").check();

  await expect(
    statement(ola, "How do you manage risks?", "Informally, by individuals."),
  ).toBeChecked();
  await expect(
    statement(ola, "How do you manage risks?", "Informally, by individuals."),
  ).toBeDisabled();
  await expect(ola.getByRole("button", { name: "Reset section" })).toHaveCount(0);
});
