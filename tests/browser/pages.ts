import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Creates an assessment from the start page and returns its join link and code. */
export async function startAssessment(page: Page, name: string, facilitator: string) {
  await page.goto("/");
  await page.getByLabel("Assessment name").fill(name);
  await page.getByLabel("Your name").fill(facilitator);
  await page.getByRole("button", { name: "Start assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const link = (await page.getByTestId("join-link").textContent())!.trim();
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  return { link, code, url: page.url() };
}

/** Joins through a join link with a display name and waits for the assessment. */
export async function joinByLink(page: Page, link: string, name: string) {
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join assessment" }).click();
  await expect(page.getByRole("heading", { name: "Sections" })).toBeVisible();
}

export async function openSection(page: Page, title: string) {
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** The radio of a statement within the question whose legend contains `question`. */
export function statement(page: Page, question: string, label: string) {
  return page.getByRole("group", { name: question }).getByLabel(label, { exact: true });
}

/** Fails with the list of WCAG 2.2 A and AA violations on the page, if any. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
  }));
  expect(summary).toEqual([]);
}
