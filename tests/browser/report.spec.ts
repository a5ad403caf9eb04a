import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, joinByLink, openSection, startAssessment, statement } from "./pages.ts";

const SOFTWARE = "How do you manage accounts used by software, not people?";
const IDENTITIES = "How does your organisation manage user identities and authentication?";
const LEVEL_2 = "We use API keys that don’t change often.";
const LEVEL_2_NEXT_STEP = "Move every key into a secrets manager";

/** Answers two Security questions as `page`: level 2 with a note, and "I don't know". */
async function answerSecurity(page: Page, url: string) {
  await page.goto(url);
  await openSection(page, "Security");
  await statement(page, SOFTWARE, LEVEL_2).check();
  await statement(page, IDENTITIES, "I don't know").check();
  await expect(page.getByTestId("progress-security")).toContainText("1 answered");
  await page
    .getByRole("textbox", { name: `Note on “${SOFTWARE}”` })
    .fill("Keys live in CI, 2 years old");
  await page.getByRole("button", { name: `Save note on “${SOFTWARE}”` }).click();
  await expect(page.getByText("Note saved")).toBeVisible();
}

const flagBox = (page: Page, question: string) =>
  page.getByRole("checkbox", { name: `We need to do better here on “${question}”` });

test("review marks lead to a filtered report and exports", async ({ browser }) => {
  const priya = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const sam = await (await browser.newContext()).newPage();
  const { link, url } = await startAssessment(priya, "Report workshop", "Priya");
  await joinByLink(sam, link, "Sam");
  await openSection(sam, "Security");

  await answerSecurity(priya, url);
  await expect(sam.getByRole("textbox", { name: `Note on “${SOFTWARE}”` })).toHaveValue(
    "Keys live in CI, 2 years old",
  );

  await sam.goto(`${url}/report`);
  await expect(sam.getByTestId("all-answered-notice")).toBeVisible();
  await expect(sam.getByTestId("improvements").locator("li")).toHaveCount(2);

  await priya.goto(`${url}/review`);
  await expect(priya.getByTestId("flag-count")).toContainText("0 of 2 answered questions");
  const software = priya.locator(`[data-question="security/software-accounts"]`);
  await expect(software).toContainText(`You chose level 2: ${LEVEL_2}`);
  await expect(software).toContainText("Good enough when: Reasonable for a small service");
  await expect(priya.locator(`[data-question="security/user-identities"]`)).toContainText(
    "gap in knowledge",
  );
  await flagBox(priya, SOFTWARE).check();
  await expect(priya.getByTestId("flag-count")).toContainText("1 of 2 answered questions");
  await expect(priya.getByTestId("flag-count-security")).toContainText("1 of 2");

  // Sam's report follows the mark live: only the marked question, with its next steps.
  await expect(sam.getByTestId("flagged-notice")).toBeVisible();
  const improvements = sam.getByTestId("improvements").locator("li");
  await expect(improvements).toHaveCount(1);
  await expect(improvements).toContainText(SOFTWARE);
  await expect(improvements).toContainText(LEVEL_2_NEXT_STEP);
  await expect(improvements).toContainText("Keys live in CI, 2 years old");
  await expect(sam.getByTestId("unknown-list")).toContainText(IDENTITIES);
  await expect(
    sam.locator('[data-testid="section-table"] tr[data-section="security"]'),
  ).toContainText("2.0");

  await priya.getByRole("link", { name: "Continue to the report" }).click();
  await expect(priya.getByRole("heading", { level: 1, name: "Report" })).toBeVisible();
  await expect(priya.getByTestId("radar")).toBeVisible();

  const json = await download(priya, "Download JSON");
  const document = JSON.parse(json.text);
  expect(json.name).toMatch(/^report-workshop-\d{4}-\d\d-\d\d\.json$/);
  expect(document.format).toBe("cloud-maturity-assessment");
  expect(document.answers).toHaveLength(2);
  expect(document.answers[0]).toMatchObject({
    questionKey: "security/software-accounts",
    level: 2,
    note: "Keys live in CI, 2 years old",
    needsImprovement: true,
    updatedBy: "Priya",
  });

  const csv = await download(priya, "Download CSV");
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.split("\r\n")).toHaveLength(1 + 47 + 1);
  expect(csv.text).toContain('"Keys live in CI, 2 years old",yes,Priya');
});

async function download(page: Page, button: string) {
  const started = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = await started;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

test("an export imports as a new assessment", async ({ browser }, testInfo) => {
  const priya = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const { url } = await startAssessment(priya, "Exported workshop", "Priya");
  await answerSecurity(priya, url);
  await priya.goto(`${url}/report`);
  const json = await download(priya, "Download JSON");
  const path = testInfo.outputPath("export.json");
  await import("node:fs/promises").then((fs) => fs.writeFile(path, json.text));

  const jo = await (await browser.newContext()).newPage();
  await jo.goto("/");
  await jo.getByRole("link", { name: "import an assessment" }).click();
  await jo.getByLabel("Export file").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(json.text.replace('"level": 2', '"level": 9')),
  });
  await jo.getByLabel("Your name").fill("Jo");
  await jo.getByRole("button", { name: "Import assessment" }).click();
  await expect(jo.getByRole("alert")).toContainText("answers[0].level");
  await expectAccessible(jo);

  await jo.getByLabel("Export file").setInputFiles(path);
  await jo.getByRole("button", { name: "Import assessment" }).click();
  await expect(jo.getByRole("heading", { level: 1, name: "Exported workshop" })).toBeVisible();
  await expect(jo.getByTestId("join-code")).toHaveText(/^[A-Z2-9]{6}$/);
  await openSection(jo, "Security");
  await expect(statement(jo, SOFTWARE, LEVEL_2)).toBeChecked();
  await expect(statement(jo, IDENTITIES, "I don't know")).toBeChecked();
});

test("snapshots compare with the current answers", async ({ browser }) => {
  const priya = await (await browser.newContext()).newPage();
  const { url } = await startAssessment(priya, "Snapshot workshop", "Priya");
  await answerSecurity(priya, url);

  await priya.goto(`${url}/snapshots`);
  await priya.getByLabel("Snapshot name").fill("Morning");
  await priya.getByRole("button", { name: "Take snapshot" }).click();
  await expect(priya.getByTestId("snapshot-list")).toContainText("Morning");

  await priya.goto(url);
  await openSection(priya, "Security");
  await statement(priya, SOFTWARE, "We use basic usernames and passwords.").check();
  await expect(priya.getByTestId("score-security")).toHaveText("1.0");
  await priya.goto(`${url}/snapshots`);
  await priya.getByLabel("From").selectOption({ label: "Morning" });
  await priya.getByLabel("To").selectOption({ label: "Now (the current answers)" });
  await priya.getByRole("button", { name: "Compare" }).click();

  await expect(priya.getByTestId("comparison")).toContainText("From “Morning” to “now”");
  await expect(
    priya.locator('[data-testid="comparison-scores"] tr[data-section="security"]'),
  ).toContainText("−1.0");
  const changed = priya.getByTestId("comparison-answers");
  await expect(changed).toContainText(`Level 2: ${LEVEL_2}`);
  await expect(changed).toContainText("Level 1: We use basic usernames and passwords.");
  await expectAccessible(priya);
});

test("the review, report, snapshot and import pages have no WCAG 2.2 AA violation", async ({
  browser,
}) => {
  const priya = await (await browser.newContext()).newPage();
  const { url } = await startAssessment(priya, "Axe report workshop", "Priya");
  await priya.goto(`${url}/report`);
  await expect(priya.getByTestId("radar")).toBeVisible();
  await expectAccessible(priya);

  await answerSecurity(priya, url);
  await expectAccessible(priya);
  await priya.goto(`${url}/review`);
  await expect(flagBox(priya, SOFTWARE)).toBeVisible();
  await expectAccessible(priya);
  await priya.goto(`${url}/report`);
  await expect(priya.getByTestId("improvements")).toBeVisible();
  await expectAccessible(priya);
  await priya.goto(`${url}/snapshots`);
  await priya.getByRole("button", { name: "Take snapshot" }).click();
  await expect(priya.getByRole("alert")).toBeVisible();
  await expectAccessible(priya);
  await priya.goto("/import");
  await expectAccessible(priya);
});

test("review and report work by keyboard alone", async ({ browser }) => {
  const priya = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const { url } = await startAssessment(priya, "Keyboard report workshop", "Priya");
  await answerSecurity(priya, url);
  await priya.goto(`${url}/review`);
  await expect(flagBox(priya, SOFTWARE)).toBeVisible();

  await tabTo(priya, flagBox(priya, SOFTWARE));
  await priya.keyboard.press("Space");
  await expect(flagBox(priya, SOFTWARE)).toBeChecked();
  await expect(priya.getByTestId("flag-count")).toContainText("1 of 2");

  await tabTo(priya, priya.getByRole("link", { name: "Continue to the report" }));
  await priya.keyboard.press("Enter");
  await expect(priya.getByRole("heading", { level: 1, name: "Report" })).toBeVisible();
  await expect(priya.getByTestId("improvements").locator("li")).toHaveCount(1);

  await tabTo(priya, priya.getByRole("button", { name: "Download CSV" }));
  const started = priya.waitForEvent("download");
  await priya.keyboard.press("Enter");
  expect((await started).suggestedFilename()).toMatch(/\.csv$/);

  await priya.goto(`${url}/snapshots`);
  await tabTo(priya, priya.getByLabel("Snapshot name"));
  await priya.keyboard.type("Keyboard snapshot");
  await priya.keyboard.press("Enter");
  await expect(priya.getByTestId("snapshot-list")).toContainText("Keyboard snapshot");
  await tabTo(priya, priya.getByRole("button", { name: "Compare" }));
  await priya.keyboard.press("Enter");
  await expect(priya.getByTestId("comparison")).toContainText("to “now”");
});

/** Presses Tab until `target` has focus, failing after a bounded number of presses. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, maxPresses = 150) {
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
