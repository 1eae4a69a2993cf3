import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { phoneIn } from '../../../src/domain/resume/phones.ts';

describe('telephone numbers as résumés write them', () => {
  it.each([
    ['Tel: +1 (415) 555-0132 | a@b.com', '+1 (415) 555-0132'],
    ['London · +44 20 7946 0958', '+44 20 7946 0958'],
    ['+65 9123 4567', '+65 9123 4567'],
    ['Mobile : +91 98765 43210', '+91 98765 43210'],
    ['Mobile: +91-9010-557-318 (verified)', '+91-9010-557-318'],
    ['0044 20 7946 0958', '0044 20 7946 0958'],
    ['Tel: (+86) 139 1022 7384 | Shanghai', '(+86) 139 1022 7384'],
    ['Phone: 415.555.0132', '415.555.0132'],
    ['Phoenix, AZ · (602) 555-0147 · Phoenix', '(602) 555-0147'],
    ['ethan | 1-647-555-0128 | Toronto, ON', '1-647-555-0128'],
    ['Leeds LS6 1BL  |  07700 900462  |', '07700 900462'],
    ['M 0412 555 087  |  Footscray VIC 3011', '0412 555 087'],
    ['Contact No.     : 9849 013 572', '9849 013 572'],
    ['电话：010-8264 9073（办公室）', '010-8264 9073'],
    ['手机：13930187725', '13930187725'],
    ['联系电话：139 1234 5678', '139 1234 5678'],
    ['+852 5134 9087 ｜ +86 139 2408 7156', '+852 5134 9087'],
    ['San Antonio, TX 78245 · (210) 555-0126', '(210) 555-0126'],
  ])('%s → %s', (line, phone) => {
    expect(phoneIn(line)).toBe(phone);
  });

  it.each([
    ['2021.09-2025.06 北京大学'],
    ['2019-2023 University of Leeds'],
    ['2020 2021 2022 2023'],
    ['09/2022 – 08/2024'],
    ['GPA 3.8/4.0, rank 3/92'],
    ['Baltimore, MD 21205'],
    ['学号：20211234567'],
    ['Student ID: 2021 1234 567'],
    ['Brampton, ON L6Y 0B3'],
    ['Funding: 12,000,000 yuan'],
    ['github.com/user12345678901'],
  ])('%s has no telephone number', (line) => {
    expect(phoneIn(line)).toBeUndefined();
  });

  it('takes the first number of the résumé, not a date above it', () => {
    const text = 'Jane Doe\n2019 – 2023 · Leeds\nPhone: +44 7700 900123 · jane@x.com\nReferee: +44 7700 900999';
    expect(extractResumeDraft(text).phone).toBe('+44 7700 900123');
  });
});
