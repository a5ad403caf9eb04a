import { expect, test } from "@playwright/test";
import { joinByLink, openSection, startAssessment, statement } from "./pages.ts";

const SOFTWARE = "How do you manage accounts used by software, not people?";
const IDENTITIES = "How does your organisation manage user identities and authentication?";

test("two browsers answer the Security section together", async ({ browser }) => {
  const priyaContext = await browser.newContext();
  const samContext = await browser.newContext();
  const priya = await priyaContext.newPage();
  const sam = await samContext.newPage();

  const { link, code } = await startAssessment(priya, "Acme workshop", "Priya");
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  expect(link).toContain(`/join/${code}`);
  await joinByLink(sam, link, "Sam");

  await openSection(priya, "Security");
  await openSection(sam, "Security");
  await expect(priya.locator("fieldset")).toHaveCount(14);

  await statement(priya, SOFTWARE, "We use API keys that don’t change often.").check();

  const samsCopy = statement(sam, SOFTWARE, "We use API keys that don’t change often.");
  await expect(samsCopy).toBeChecked();
  await expect(sam.getByTestId("changed-security/software-accounts")).toContainText(
    "Answered by Priya",
  );
  await expect(sam.getByTestId("progress-security")).toContainText("1 answered");
  await expect(sam.getByTestId("score-security")).toHaveText("2.0");
  await expect(sam.getByTestId("announcer")).toContainText("Priya chose level 2");

  await statement(sam, IDENTITIES, "I don't know").check();

  await expect(statement(priya, IDENTITIES, "I don't know")).toBeChecked();
  await expect(priya.getByTestId("progress-security")).toContainText("1 “I don't know”");
  await expect(priya.getByTestId("progress-security")).toContainText("12 open");
  await expect(priya.getByTestId("score-security")).toHaveText("2.0");

  await priya.reload();
  await expect(
    statement(priya, SOFTWARE, "We use API keys that don’t change often."),
  ).toBeChecked();
  await expect(statement(priya, IDENTITIES, "I don't know")).toBeChecked();

  await priyaContext.close();
  await samContext.close();
});

test("a reset clears the section on every screen after confirming", async ({ browser }) => {
  const priyaContext = await browser.newContext();
  const samContext = await browser.newContext();
  const priya = await priyaContext.newPage();
  const sam = await samContext.newPage();
  const { link } = await startAssessment(priya, "Reset workshop", "Priya");
  await joinByLink(sam, link, "Sam");
  await openSection(priya, "Security");
  await openSection(sam, "Security");
  await statement(sam, SOFTWARE, "We use basic usernames and passwords.").check();
  await expect(priya.getByTestId("progress-security")).toContainText("1 answered");

  await priya.getByRole("button", { name: "Reset section" }).click();
  await expect(priya.getByRole("heading", { name: "Reset Security for everyone?" })).toBeFocused();
  await priya.getByRole("button", { name: "Cancel" }).click();
  await expect(sam.getByTestId("progress-security")).toContainText("1 answered");

  await priya.getByRole("button", { name: "Reset section" }).click();
  await priya.getByRole("button", { name: "Yes, reset section" }).click();

  await expect(sam.getByTestId("progress-security")).toContainText("0 answered");
  await expect(statement(sam, SOFTWARE, "We use basic usernames and passwords.")).not.toBeChecked();
  await expect(sam.getByTestId("announcer")).toContainText("Priya reset the Security section");
  await expect(priya.getByTestId("progress-security")).toContainText("14 open");

  await priyaContext.close();
  await samContext.close();
});

test("save and continue goes to the next section", async ({ page }) => {
  await startAssessment(page, "Order workshop", "Priya");
  await openSection(page, "Security");

  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Technology" })).toBeVisible();
});

test("a wrong join code says what to do", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Join code").fill("ZZZZZZ");
  await page.getByRole("button", { name: "Continue" }).click();
  // The start page has a "Your name" field too, so wait for the join page first.
  await expect(page.getByRole("heading", { level: 1, name: /Join assessment/ })).toBeVisible();
  await page.getByLabel("Your name").fill("Sam");
  await page.getByRole("button", { name: "Join assessment" }).click();

  await expect(page.getByRole("alert")).toContainText("No assessment has this join code");
});
