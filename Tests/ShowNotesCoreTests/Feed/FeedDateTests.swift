@testable import ShowNotesCore
import Testing

@Suite("Feed dates")
struct FeedDateTests {
    @Test("RFC 822 dates and their real-world variants become ISO 8601", arguments: [
        ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
        ("Tue, 10 Jun 2003 04:00:00 +0000", "2003-06-10T04:00:00Z"),
        ("Fri, 23 Mar 2012 23:25:19 +0100", "2012-03-23T23:25:19+01:00"),
        ("Mon, 1 Apr 2024 06:00 GMT", "2024-04-01T06:00:00Z"),
        ("Sat, 3 Feb 24 18:30 +0530", "2024-02-03T18:30:00+05:30"),
        ("03 Feb 99 18:30:00 EST", "1999-02-03T18:30:00-05:00"),
        ("Wed, 02 Oct 2002 13:00:00 PDT", "2002-10-02T13:00:00-07:00"),
        ("Thu, 5 September 2019 9:05:00 -04:00", "2019-09-05T09:05:00-04:00"),
        ("Mon, 01 Jan 2024 10:00:00 Z", "2024-01-01T10:00:00Z"),
        ("Mon, 01 Jan 2024", "2024-01-01"),
        ("2024-05-02T08:00:00+02:00", "2024-05-02T08:00:00+02:00"),
        ("2024-05-02T08:00:00.123Z", "2024-05-02T08:00:00Z"),
    ])
    func rfc822(written: String, iso: String) {
        #expect(DateText.iso8601(fromRFC822: written) == iso)
    }

    @Test("dates that are not dates give nil", arguments: ["", "yesterday", "Mon, 32 Jan 2024 10:00:00 GMT", "Mon, 10 Foo 2024"])
    func notDates(written: String) {
        #expect(DateText.iso8601(fromRFC822: written) == nil)
    }
}
