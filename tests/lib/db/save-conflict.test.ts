import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { countArticles, findSavedArticle, getArticle, saveArticle, setTags } from '@/lib/db/articles';
import type { LedeDB } from '@/lib/db/schema';
import { articleInput, freshDb } from './fixtures';

/**
 * A page may name any URL of its site as its canonical one: a blog host's subdomain, or an author
 * of a shared host setting another author's post as canonical. Saving it must never silently
 * replace the article saved from that other page.
 */
let db: LedeDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const victim = () =>
  articleInput({
    url: 'https://medium.com/@victim/my-post',
    title: 'The real post',
    textContent: 'Real text.',
  });
const attacker = () =>
  articleInput({
    url: 'https://attacker.medium.com/fake-post',
    canonicalUrl: 'https://medium.com/@victim/my-post',
    title: 'A fake',
    textContent: 'Fake text.',
  });

describe('saving a page whose canonical URL holds an article saved from another page', () => {
  test('writes nothing and reports the article already saved there', async () => {
    const saved = await saveArticle(db, victim());
    await setTags(db, saved.id, ['mine']);
    const result = await saveArticle(db, attacker());
    expect(result.conflict).toEqual({
      id: saved.id,
      url: 'https://medium.com/@victim/my-post',
      title: 'The real post',
    });
    expect(result.created).toBe(false);
    expect(await countArticles(db)).toBe(1);
    expect(await getArticle(db, saved.id)).toMatchObject({
      url: 'https://medium.com/@victim/my-post',
      title: 'The real post',
      text: 'Real text.',
      tags: ['mine'],
    });
  });

  test('the same host: another path naming it as canonical is a conflict too', async () => {
    await saveArticle(db, articleInput({ url: 'https://news.example/a/original' }));
    const result = await saveArticle(
      db,
      articleInput({ url: 'https://news.example/b/copy', canonicalUrl: 'https://news.example/a/original' }),
    );
    expect(result.conflict?.url).toBe('https://news.example/a/original');
  });

  test('"keep both" saves the page under its own URL and leaves the other article alone', async () => {
    const saved = await saveArticle(db, victim());
    const both = await saveArticle(db, { ...attacker(), onConflict: 'keep-both' });
    expect(both.conflict).toBeUndefined();
    expect(both.created).toBe(true);
    expect(both.id).not.toBe(saved.id);
    expect(await getArticle(db, both.id)).toMatchObject({
      canonicalUrl: 'https://attacker.medium.com/fake-post',
      title: 'A fake',
    });
    expect(await getArticle(db, saved.id)).toMatchObject({ title: 'The real post', text: 'Real text.' });
    expect(await findSavedArticle(db, 'https://attacker.medium.com/fake-post')).toBe(both.id);
    // Saving it again keeps updating its own entry.
    const again = await saveArticle(db, { ...attacker(), onConflict: 'keep-both' });
    expect(again).toMatchObject({ id: both.id, created: false });
    expect(await countArticles(db)).toBe(2);
  });

  test('"replace" updates the saved article in place (id, tags kept) with this page', async () => {
    const saved = await saveArticle(db, victim());
    await setTags(db, saved.id, ['mine']);
    const replaced = await saveArticle(db, { ...attacker(), onConflict: 'replace' });
    expect(replaced).toMatchObject({ id: saved.id, created: false });
    expect(replaced.conflict).toBeUndefined();
    expect(await getArticle(db, saved.id)).toMatchObject({
      url: 'https://attacker.medium.com/fake-post',
      title: 'A fake',
      tags: ['mine'],
    });
  });
});

describe('no conflict', () => {
  test('the same page again (tracking parameters, fragment) updates in place', async () => {
    const first = await saveArticle(db, attacker());
    const second = await saveArticle(
      db,
      articleInput({
        url: 'https://attacker.medium.com/fake-post?utm_source=x#top',
        canonicalUrl: 'https://medium.com/@victim/my-post',
        title: 'Edited',
      }),
    );
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(second.conflict).toBeUndefined();
  });

  test('the canonical page itself replaces a copy saved from elsewhere on its site', async () => {
    // Saved from the mobile or AMP page first, then from the page the canonical URL names.
    const first = await saveArticle(
      db,
      articleInput({ url: 'https://m.news.example/1', canonicalUrl: 'https://news.example/1' }),
    );
    const second = await saveArticle(db, articleInput({ url: 'https://news.example/1', title: 'Desktop' }));
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(second.conflict).toBeUndefined();
    expect(await getArticle(db, first.id)).toMatchObject({ title: 'Desktop' });
  });

  test('a page naming a canonical URL nobody saved yet is saved under it', async () => {
    const result = await saveArticle(db, attacker());
    expect(result.created).toBe(true);
    expect(await getArticle(db, result.id)).toMatchObject({
      canonicalUrl: 'https://medium.com/@victim/my-post',
    });
  });
});
