namespace Archive.Store.Cases;

/// <summary>Who wrote a message that joins a case; it decides where the case goes next.</summary>
public enum MessageAuthor
{
    /// <summary>The customer wrote (again): the company owes an answer.</summary>
    Customer,

    /// <summary>The company answered the customer (a reply copied to the capture mailbox): the company waits for them.</summary>
    Company,
}
